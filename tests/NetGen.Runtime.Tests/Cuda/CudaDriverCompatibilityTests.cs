using NetGen.Cuda;

namespace NetGen.Tests.Cuda;

/// <summary>Whether the driver can load what NVRTC compiles: PTX only from an NVRTC no newer than the driver, a CUBIN within the driver's major version.</summary>
public sealed class CudaDriverCompatibilityTests
{
    [Theory]
    [InlineData(12020, 12, 2)]
    [InlineData(11080, 11, 8)]
    [InlineData(12040, 12, 4)]
    [InlineData(13000, 13, 0)]
    public void The_drivers_version_is_decoded_from_1000_major_plus_10_minor(int encoded, int major, int minor) =>
        Assert.Equal((major, minor), CudaDriverCompatibility.DriverVersion(encoded));

    [Fact]
    public void Ptx_from_nvrtc_12_4_is_refused_on_a_driver_of_cuda_12_2_naming_both_and_what_to_install()
    {
        var problem = CudaDriverCompatibility.Problem(12020, (12, 4), NvrtcTarget.Ptx);

        Assert.NotNull(problem);
        Assert.Contains("NVRTC 12.4", problem);
        Assert.Contains("CUDA 12.2", problem);
        Assert.Contains("libnvrtc.so.12", problem);
        Assert.Contains("cuda-nvrtc-12-2", problem);
        Assert.Contains("a driver for CUDA 12.4 or newer", problem);
    }

    [Theory]
    [InlineData(12040, 12, 4)]
    [InlineData(12040, 11, 8)]
    [InlineData(12020, 12, 0)]
    [InlineData(13000, 12, 9)]
    public void Ptx_from_an_nvrtc_no_newer_than_the_driver_is_accepted(int driver, int nvrtcMajor, int nvrtcMinor) =>
        Assert.Null(CudaDriverCompatibility.Problem(driver, (nvrtcMajor, nvrtcMinor), NvrtcTarget.Ptx));

    [Fact]
    public void A_cubin_from_a_newer_nvrtc_of_the_drivers_major_version_is_accepted() =>
        Assert.Null(CudaDriverCompatibility.Problem(12020, (12, 4), NvrtcTarget.Cubin));

    [Fact]
    public void A_cubin_from_a_newer_major_version_is_refused()
    {
        var problem = CudaDriverCompatibility.Problem(11080, (12, 4), NvrtcTarget.Cubin);

        Assert.NotNull(problem);
        Assert.Contains("NVRTC 12.4", problem);
        Assert.Contains("CUDA 11.8", problem);
        Assert.Contains("libnvrtc.so.11.2", problem);
        Assert.Contains("a driver for CUDA 12.0 or newer", problem);
    }

    [Fact]
    public void The_hint_for_an_unsupported_ptx_version_names_both_versions()
    {
        var hint = CudaDriverCompatibility.UnsupportedPtxHint(12020, (12, 4));

        Assert.Contains("NVRTC 12.4", hint);
        Assert.Contains("CUDA 12.2", hint);
        Assert.Contains("install an NVRTC no newer than CUDA 12.2", hint);
    }

    [Theory]
    [InlineData("compute_90", NvrtcTarget.Ptx)]
    [InlineData("sm_80", NvrtcTarget.Cubin)]
    [InlineData("sm_90a", NvrtcTarget.Cubin)]
    public void The_architecture_says_what_was_compiled(string architecture, NvrtcTarget expected) =>
        Assert.Equal(expected, CudaDriverCompatibility.TargetOf(architecture));
}
