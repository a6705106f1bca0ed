using System;
using System.Collections.Generic;
using System.Linq;

namespace NetGen.Cuda;

/// <summary>A network's CUDA program compiled for one GPU architecture.</summary>
/// <param name="Image">PTX (NUL-terminated) or a CUBIN, ready for <c>cuModuleLoadData</c>.</param>
/// <param name="Architecture">What it was compiled for: <c>sm_XY</c> (CUBIN) or <c>compute_XY</c> (PTX, JIT-compiled by the driver).</param>
/// <param name="FromCache">Whether the image came from the disk cache rather than NVRTC.</param>
public sealed record CompiledCudaProgram(byte[] Image, string Architecture, bool FromCache);

/// <summary>Compiles generated CUDA programs with NVRTC for a device's architecture, through the disk cache.</summary>
public static class CudaCompiler
{
    /// <summary>The NVRTC options every network is compiled with, for <paramref name="architecture"/> (such as sm_80 or compute_80).</summary>
    public static IReadOnlyList<string> Options(string architecture) =>
        new[] { "--gpu-architecture=" + architecture, "--std=c++17" };

    /// <summary>
    /// The architecture to compile for on a device of compute capability major.minor: its own sm_XY (a CUBIN) when
    /// NVRTC knows it, otherwise PTX for the newest virtual architecture NVRTC has below it, which the driver compiles.
    /// Which of the two decides the driver a session needs: PTX only loads on a driver of NVRTC's CUDA version or newer,
    /// a CUBIN on any driver of NVRTC's major version (see <see cref="CudaDriverCompatibility"/>).
    /// </summary>
    /// <exception cref="NotSupportedException">NVRTC supports nothing as old as the device.</exception>
    public static (string Architecture, NvrtcTarget Target) ArchitectureFor(int major, int minor, IReadOnlyList<int> supported)
    {
        var device = (major * 10) + minor;
        if (supported.Contains(device))
        {
            return ("sm_" + device, NvrtcTarget.Cubin);
        }

        var older = supported.Where(architecture => architecture < device).ToArray();
        if (older.Length == 0)
        {
            throw new NotSupportedException(
                $"NVRTC supports compute capabilities {string.Join(", ", supported)}, none of which runs on a device of compute capability {major}.{minor}.");
        }

        return ("compute_" + older.Max(), NvrtcTarget.Ptx);
    }

    /// <summary>Compiles <paramref name="program"/> for a device of compute capability major.minor, from the cache when it holds the image.</summary>
    public static CompiledCudaProgram Compile(CudaProgram program, int major, int minor, KernelCache? cache = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        cache ??= new KernelCache(KernelCache.DefaultDirectory);
        var (architecture, target) = ArchitectureFor(major, minor, Nvrtc.SupportedArchitectures);
        var options = Options(architecture);
        var key = KernelCache.Key(program.Source, options, architecture, Nvrtc.Version);
        var (image, fromCache) = cache.GetOrCompile(key, target, () => Nvrtc.Compile(program.Source, program.NetworkName, options, target).Image);
        return new CompiledCudaProgram(image, architecture, fromCache);
    }
}
