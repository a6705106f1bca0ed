using System;
using System.Collections.Generic;
using System.IO;

namespace NetGen.CudaEmulation.Tests.Harness;

/// <summary>
/// Runs hand-written kernels (Harness/Kernels/*.cu) on an emulated device with named 4-byte arrays, for the tests of the
/// emulation itself.
/// </summary>
internal sealed unsafe class KernelBench : IDisposable
{
    private readonly Dictionary<string, (long Offset, int Elements)> _arrays = new(StringComparer.Ordinal);
    private readonly IEmulatedDevice _device;

    public KernelBench(string kernelFile, EmulationMode mode, params (string Name, int Elements)[] arrays)
        : this(Path.GetFileNameWithoutExtension(kernelFile), File.ReadAllText(Path.Combine(Toolchain.HarnessDirectory, "Kernels", kernelFile)), mode, arrays)
    {
    }

    /// <summary>A bench for kernels in <paramref name="source"/>, compiled under <paramref name="libraryName"/>.</summary>
    public KernelBench(string libraryName, string source, EmulationMode mode, params (string Name, int Elements)[] arrays)
    {
        Library = EmulatedLibrary.For(libraryName, source, mode);
        long bytes = 0;
        foreach (var (name, elements) in arrays)
        {
            _arrays[name] = (bytes, elements);
            bytes += ((elements * 4L) + 255) / 256 * 256;
        }

        _device = Library.OpenDevice(bytes);
    }

    public EmulatedLibrary Library { get; }

    public Span<float> Floats(string name) => new(_device.Memory + _arrays[name].Offset, _arrays[name].Elements);

    public Span<int> Ints(string name) => new(_device.Memory + _arrays[name].Offset, _arrays[name].Elements);

    /// <summary>Launches <paramref name="kernel"/>; an argument is an array's name, an int, a float, or a uint or ulong word.</summary>
    public void Launch(string kernel, (int X, int Y, int Z) grid, int blockThreads, uint seed, params object[] arguments)
    {
        var bound = new DeviceArgument[arguments.Length];
        for (var index = 0; index < arguments.Length; index++)
        {
            bound[index] = arguments[index] switch
            {
                string name => DeviceArgument.Buffer(_arrays[name].Offset),
                int value => DeviceArgument.Int(value),
                float value => DeviceArgument.Float(value),
                uint value => DeviceArgument.Word(value),
                ulong value => DeviceArgument.Word(value),
                var other => throw new ArgumentException($"Cannot pass {other} to a kernel."),
            };
        }

        _device.Launch(kernel, grid, blockThreads, bound, seed);
    }

    /// <summary>Stops the device and returns ThreadSanitizer's reports (empty in process or when there were none).</summary>
    public string Finish() => _device.Finish();

    public void Dispose() => _device.Dispose();
}
