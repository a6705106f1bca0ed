using System;
using System.IO;
using NetGen.Cuda;

namespace NetGen.Tests.Cuda;

public sealed class CudaCompilerTests : IDisposable
{
    private readonly string _cacheDirectory = Path.Combine(Path.GetTempPath(), "netgen-kernel-cache-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_cacheDirectory))
        {
            Directory.Delete(_cacheDirectory, recursive: true);
        }
    }

    [Fact]
    public void A_planted_error_surfaces_the_compiler_log_with_the_network_name_and_line()
    {
        NvrtcTests.RequireNvrtc();
        var program = GeneratedNetworks.Sample("Xor.XorNet");
        var lines = program.GeneratedSource.Split('\n');
        var kernelLine = Array.FindIndex(lines, line => line.StartsWith("extern \"C\" __global__", StringComparison.Ordinal));
        lines[kernelLine + 2] += " undeclared_factor *= 2.0f;";
        var broken = new CudaProgram(program.NetworkName, string.Join('\n', lines), program.Buffers, program.Forward, program.Loss, program.Backward,
            program.ClipNorm, program.OptimizerSteps, program.OutputBuffer);

        var error = Assert.Throws<NvrtcException>(() => CudaCompiler.Compile(broken, 8, 0, new KernelCache(_cacheDirectory)));

        Assert.Contains("NVRTC could not compile the CUDA source of XorNet", error.Message, StringComparison.Ordinal);
        Assert.Contains($"XorNet({kernelLine + 3}): error: identifier \"undeclared_factor\" is undefined", error.Log, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_cacheDirectory) && Directory.GetFiles(_cacheDirectory).Length > 0, "a failed compile must not be cached");
    }

    [Fact]
    public void The_second_compile_of_a_network_is_a_cache_hit()
    {
        NvrtcTests.RequireNvrtc();
        var program = GeneratedNetworks.Sample("Xor.XorNet");
        var cache = new KernelCache(_cacheDirectory);

        var first = CudaCompiler.Compile(program, 8, 0, cache);
        var second = CudaCompiler.Compile(program, 8, 0, cache);

        Assert.False(first.FromCache);
        Assert.True(second.FromCache);
        Assert.Equal("sm_80", first.Architecture);
        Assert.Equal(first.Image, second.Image);
        Assert.Equal(0x7F, first.Image[0]); // an ELF CUBIN
        Assert.Single(Directory.GetFiles(_cacheDirectory));
    }

    [Fact]
    public void A_cache_hit_does_not_call_the_compiler()
    {
        var cache = new KernelCache(_cacheDirectory);
        var compilations = 0;
        byte[] Compile()
        {
            compilations++;
            return [1, 2, 3];
        }

        var first = cache.GetOrCompile("key", NvrtcTarget.Ptx, Compile);
        var second = cache.GetOrCompile("key", NvrtcTarget.Ptx, Compile);
        var otherTarget = cache.GetOrCompile("key", NvrtcTarget.Cubin, Compile);

        Assert.Equal(2, compilations);
        Assert.False(first.FromCache);
        Assert.True(second.FromCache);
        Assert.False(otherTarget.FromCache);
        Assert.Equal(new byte[] { 1, 2, 3 }, second.Image);
    }

    [Fact]
    public void An_empty_cache_file_is_compiled_again_and_replaced()
    {
        var cache = new KernelCache(_cacheDirectory);
        Directory.CreateDirectory(_cacheDirectory);
        File.WriteAllBytes(cache.PathOf("key", NvrtcTarget.Ptx), []);

        var result = cache.GetOrCompile("key", NvrtcTarget.Ptx, () => [7]);

        Assert.False(result.FromCache);
        Assert.Equal(new byte[] { 7 }, File.ReadAllBytes(cache.PathOf("key", NvrtcTarget.Ptx)));
    }

    [Fact]
    public void A_cache_that_cannot_be_written_still_returns_the_image()
    {
        var blocker = Path.Combine(Path.GetTempPath(), "netgen-not-a-directory-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(blocker, "a file where the cache directory should be");
        try
        {
            var cache = new KernelCache(Path.Combine(blocker, "kernels"));

            var result = cache.GetOrCompile("key", NvrtcTarget.Ptx, () => [9]);

            Assert.Equal(new byte[] { 9 }, result.Image);
            Assert.False(result.FromCache);
        }
        finally
        {
            File.Delete(blocker);
        }
    }

    [Fact]
    public void The_key_changes_with_source_options_architecture_and_nvrtc_version()
    {
        var key = KernelCache.Key("source", ["--std=c++17"], "sm_80", (11, 8));

        Assert.Equal(64, key.Length);
        Assert.Equal(key, KernelCache.Key("source", ["--std=c++17"], "sm_80", (11, 8)));
        Assert.NotEqual(key, KernelCache.Key("source ", ["--std=c++17"], "sm_80", (11, 8)));
        Assert.NotEqual(key, KernelCache.Key("source", ["--std=c++14"], "sm_80", (11, 8)));
        Assert.NotEqual(key, KernelCache.Key("source", ["--std=c++17"], "sm_90", (11, 8)));
        Assert.NotEqual(key, KernelCache.Key("source", ["--std=c++17"], "sm_80", (12, 0)));
        Assert.NotEqual(KernelCache.Key("ab", ["c"], "sm_80", (11, 8)), KernelCache.Key("a", ["bc"], "sm_80", (11, 8)));
    }

    [Theory]
    [InlineData(8, 0, "sm_80", NvrtcTarget.Cubin)]
    [InlineData(9, 0, "sm_90", NvrtcTarget.Cubin)]
    [InlineData(8, 9, "sm_89", NvrtcTarget.Cubin)]
    [InlineData(10, 0, "compute_90", NvrtcTarget.Ptx)]
    [InlineData(12, 0, "compute_90", NvrtcTarget.Ptx)]
    public void The_architecture_is_the_devices_own_or_ptx_for_the_newest_older_one(int major, int minor, string expected, NvrtcTarget target)
    {
        int[] supported = [35, 50, 60, 70, 75, 80, 86, 87, 89, 90];

        Assert.Equal((expected, target), CudaCompiler.ArchitectureFor(major, minor, supported));
    }

    [Fact]
    public void A_device_older_than_every_supported_architecture_is_refused()
    {
        var error = Assert.Throws<NotSupportedException>(() => CudaCompiler.ArchitectureFor(3, 0, [35, 50]));

        Assert.Contains("compute capability 3.0", error.Message, StringComparison.Ordinal);
    }
}
