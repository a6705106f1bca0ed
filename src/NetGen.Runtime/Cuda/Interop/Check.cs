namespace NetGen.Cuda.Interop;

/// <summary>Turns native result codes into exceptions; every native call of the runtime goes through here.</summary>
internal static class Check
{
    /// <summary>Throws a <see cref="CudaException"/> naming <paramref name="call"/> unless <paramref name="result"/> is success.</summary>
    internal static void Cuda(CudaResult result, string call)
    {
        if (result != CudaResult.Success)
        {
            throw new CudaException(call, result);
        }
    }

    /// <summary>Throws an <see cref="NvrtcException"/> naming <paramref name="call"/> and the program unless <paramref name="result"/> is success.</summary>
    internal static void Nvrtc(NvrtcResult result, string call, string? programName = null)
    {
        if (result != NvrtcResult.Success)
        {
            throw new NvrtcException(call, result, programName, string.Empty);
        }
    }
}
