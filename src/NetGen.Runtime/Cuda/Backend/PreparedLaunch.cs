using System;
using System.Runtime.InteropServices;

namespace NetGen.Cuda;

/// <summary>A launch's argument block, allocated once: one 8-byte cell per argument and the array of pointers to them.</summary>
internal sealed unsafe class PreparedLaunch : IDisposable
{
    private readonly byte* _values;
    private readonly int _count;

    public PreparedLaunch(nint function, int count, string kernel)
    {
        Function = function;
        _count = count;
        CallName = "cuLaunchKernel(" + kernel + ")";
        SynchronizeCallName = CudaLaunchDiagnostics.SynchronizeAfterKernel(kernel);
        _values = (byte*)NativeMemory.AllocZeroed((nuint)Math.Max(count, 1) * 8);
        Arguments = (void**)NativeMemory.AllocZeroed((nuint)Math.Max(count, 1) * (nuint)sizeof(void*));
        for (var index = 0; index < count; index++)
        {
            Arguments[index] = _values + (index * 8);
        }
    }

    public nint Function { get; }

    /// <summary>The call as error messages name it, built once so that launching allocates nothing.</summary>
    public string CallName { get; }

    /// <summary>The wait after this launch under <see cref="CudaSession.SynchronizeLaunches"/>, as error messages name it.</summary>
    public string SynchronizeCallName { get; }

    public void** Arguments { get; }

    /// <summary>The argument values as last set, one 8-byte cell each (a 4-byte value in the low half).</summary>
    public ReadOnlySpan<ulong> Cells => new(_values, _count);

    public void SetInt(int index, int value) => *(int*)(_values + (index * 8)) = value;

    public void SetFloat(int index, float value) => *(float*)(_values + (index * 8)) = value;

    public void SetLong(int index, long value) => *(long*)(_values + (index * 8)) = value;

    public void SetPointer(int index, ulong value) => *(ulong*)(_values + (index * 8)) = value;

    public void Dispose()
    {
        NativeMemory.Free(_values);
        NativeMemory.Free(Arguments);
    }
}
