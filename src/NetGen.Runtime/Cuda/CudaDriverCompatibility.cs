using System;
using System.Globalization;
using NetGen.Cuda.Interop;

namespace NetGen.Cuda;

/// <summary>
/// Whether the installed driver can load what the loaded NVRTC produces. The runtime tries <c>libnvrtc.so</c> before
/// the versioned names (see <see cref="NativeLibraries"/>), so a toolkit newer than the driver can end up compiling the
/// kernels; this says so, with both versions and what to install, before <c>cuModuleLoadData</c> fails without a hint.
/// </summary>
/// <remarks>
/// The rule depends on what <see cref="CudaCompiler"/> produced. PTX (<c>compute_XY</c>, for a device newer than NVRTC
/// knows) is JIT-compiled by the driver, which reads PTX only up to its own CUDA version: NVRTC must be no newer than
/// the driver, major and minor (<c>CUDA_ERROR_UNSUPPORTED_PTX_VERSION</c> otherwise). A CUBIN (<c>sm_XY</c>, the usual
/// case) is already machine code: a newer NVRTC is fine as long as the driver supports the architecture, which it
/// does for the device it reports, within CUDA's minor-version compatibility — a driver loads binaries of its own
/// major version (CUDA 12.x binaries need a CUDA 12.0 driver or newer, R525+), so only a newer major version is
/// refused. A forward-compatibility package (cuda-compat) reports its own, newer, version and passes.
/// </remarks>
internal static class CudaDriverCompatibility
{
    /// <summary>Decodes <c>cuDriverGetVersion</c>'s 1000 × major + 10 × minor (12020 is 12.2).</summary>
    public static (int Major, int Minor) DriverVersion(int encoded) => (encoded / 1000, encoded % 1000 / 10);

    /// <summary>
    /// Null when a driver of CUDA version <paramref name="driverVersion"/> (as <c>cuDriverGetVersion</c> encodes it) can
    /// load an image NVRTC <paramref name="nvrtc"/> compiled as <paramref name="target"/>; otherwise why not, naming both
    /// versions and what to install (a sentence without its final period).
    /// </summary>
    public static string? Problem(int driverVersion, (int Major, int Minor) nvrtc, NvrtcTarget target)
    {
        var driver = DriverVersion(driverVersion);
        var refused = target == NvrtcTarget.Ptx
            ? nvrtc.Major > driver.Major || (nvrtc.Major == driver.Major && nvrtc.Minor > driver.Minor)
            : nvrtc.Major > driver.Major;
        if (!refused)
        {
            return null;
        }

        var why = target == NvrtcTarget.Ptx
            ? $"NVRTC {Text(nvrtc)} writes PTX that the installed driver, which supports CUDA {Text(driver)}, cannot load (a driver JIT-compiles PTX only up to its own CUDA version)"
            : $"NVRTC {Text(nvrtc)} writes CUBINs for CUDA {nvrtc.Major}, which the installed driver, which supports CUDA {Text(driver)}, cannot load (a driver loads binaries of its own major version and older)";
        return why + "; " + WhatToInstall(driver, nvrtc, target);
    }

    /// <summary>
    /// The hint added to <c>cuModuleLoadData</c>'s <c>CUDA_ERROR_UNSUPPORTED_PTX_VERSION</c>: the versions in play and
    /// what to install (without its final period).
    /// </summary>
    public static string UnsupportedPtxHint(int driverVersion, (int Major, int Minor) nvrtc)
    {
        var driver = DriverVersion(driverVersion);
        return $"The image was compiled by NVRTC {Text(nvrtc)} and the driver supports CUDA {Text(driver)}, which cannot load PTX of a newer CUDA; " +
            WhatToInstall(driver, nvrtc, NvrtcTarget.Ptx);
    }

    /// <summary>
    /// Reads the driver's and NVRTC's versions and returns <see cref="Problem"/> for a device of compute capability
    /// major.minor, whose image <see cref="CudaCompiler"/> would compile as a CUBIN or PTX as NVRTC supports it.
    /// </summary>
    /// <exception cref="NotSupportedException">NVRTC supports nothing as old as the device.</exception>
    public static string? ProblemFor(int major, int minor)
    {
        var (_, target) = CudaCompiler.ArchitectureFor(major, minor, Nvrtc.SupportedArchitectures);
        return ProblemFor(target);
    }

    /// <summary><see cref="Problem"/> for the installed driver and the loaded NVRTC.</summary>
    public static string? ProblemFor(NvrtcTarget target)
    {
        Check.Cuda(CudaDriverNative.cuDriverGetVersion(out var driverVersion), "cuDriverGetVersion");
        return Problem(driverVersion, Nvrtc.Version, target);
    }

    /// <summary>What an architecture name of <see cref="CompiledCudaProgram.Architecture"/> compiles to.</summary>
    public static NvrtcTarget TargetOf(string architecture) =>
        architecture.StartsWith("compute_", StringComparison.Ordinal) ? NvrtcTarget.Ptx : NvrtcTarget.Cubin;

    private static string WhatToInstall((int Major, int Minor) driver, (int Major, int Minor) nvrtc, NvrtcTarget target)
    {
        var newerDriver = target == NvrtcTarget.Ptx ? Text(nvrtc) : nvrtc.Major.ToString(CultureInfo.InvariantCulture) + ".0";
        var soname = driver.Major == 11 ? "libnvrtc.so.11.2" : "libnvrtc.so." + driver.Major.ToString(CultureInfo.InvariantCulture);
        var package = string.Create(CultureInfo.InvariantCulture, $"cuda-nvrtc-{driver.Major}-{driver.Minor}");
        return $"install an NVRTC no newer than CUDA {Text(driver)} (on Linux {soname} from the {package} package, " +
            "and no newer toolkit's libnvrtc.so on the library path, which is tried first) " +
            $"or a driver for CUDA {newerDriver} or newer";
    }

    private static string Text((int Major, int Minor) version) =>
        string.Create(CultureInfo.InvariantCulture, $"{version.Major}.{version.Minor}");
}
