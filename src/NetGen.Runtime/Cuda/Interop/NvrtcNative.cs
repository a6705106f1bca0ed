using System.Runtime.InteropServices;

namespace NetGen.Cuda.Interop;

/// <summary>
/// NVRTC's C API (<c>nvrtc.h</c>), one declaration per function, no logic. A program handle is an
/// <c>nvrtcProgram</c>; sizes are <c>size_t</c>. Call through <see cref="Check.Nvrtc"/>.
/// </summary>
internal static partial class NvrtcNative
{
    static NvrtcNative() => NativeLibraries.EnsureResolverRegistered();

    [LibraryImport(NativeLibraries.Nvrtc)]
    internal static partial NvrtcResult nvrtcVersion(out int major, out int minor);

    /// <summary>A pointer to a static NUL-terminated string; read it with <see cref="Marshal.PtrToStringUTF8(nint)"/>.</summary>
    [LibraryImport(NativeLibraries.Nvrtc)]
    internal static partial nint nvrtcGetErrorString(NvrtcResult result);

    [LibraryImport(NativeLibraries.Nvrtc)]
    internal static partial NvrtcResult nvrtcGetNumSupportedArchs(out int count);

    [LibraryImport(NativeLibraries.Nvrtc)]
    internal static partial NvrtcResult nvrtcGetSupportedArchs([Out] int[] architectures);

    /// <summary>Pass 0 headers: <paramref name="headers"/> and <paramref name="includeNames"/> are then ignored and may be 0.</summary>
    [LibraryImport(NativeLibraries.Nvrtc, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial NvrtcResult nvrtcCreateProgram(
        out nint program, string source, string name, int headerCount, nint headers, nint includeNames);

    [LibraryImport(NativeLibraries.Nvrtc)]
    internal static partial NvrtcResult nvrtcDestroyProgram(ref nint program);

    [LibraryImport(NativeLibraries.Nvrtc, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial NvrtcResult nvrtcCompileProgram(nint program, int optionCount, string[] options);

    /// <summary>The size includes the terminating NUL.</summary>
    [LibraryImport(NativeLibraries.Nvrtc)]
    internal static partial NvrtcResult nvrtcGetProgramLogSize(nint program, out nuint size);

    [LibraryImport(NativeLibraries.Nvrtc)]
    internal static partial NvrtcResult nvrtcGetProgramLog(nint program, [Out] byte[] log);

    /// <summary>The size includes the terminating NUL.</summary>
    [LibraryImport(NativeLibraries.Nvrtc)]
    internal static partial NvrtcResult nvrtcGetPTXSize(nint program, out nuint size);

    [LibraryImport(NativeLibraries.Nvrtc)]
    internal static partial NvrtcResult nvrtcGetPTX(nint program, [Out] byte[] ptx);

    /// <summary>0 when the program was compiled for a virtual architecture (<c>compute_XX</c>).</summary>
    [LibraryImport(NativeLibraries.Nvrtc)]
    internal static partial NvrtcResult nvrtcGetCUBINSize(nint program, out nuint size);

    [LibraryImport(NativeLibraries.Nvrtc)]
    internal static partial NvrtcResult nvrtcGetCUBIN(nint program, [Out] byte[] cubin);
}
