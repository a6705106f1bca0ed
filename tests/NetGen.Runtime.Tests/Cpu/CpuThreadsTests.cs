using System;
using NetGen.Cpu;

namespace NetGen.Tests.Cpu;

[Collection(WorkerPoolCollection.Name)]
public sealed class CpuThreadsTests
{
    [Fact]
    public void The_default_comes_from_NETGEN_NUM_THREADS_when_set()
    {
        var original = Environment.GetEnvironmentVariable(CpuThreads.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(CpuThreads.EnvironmentVariable, null);
            Assert.Equal(Environment.ProcessorCount, CpuThreads.FromEnvironment());
            Environment.SetEnvironmentVariable(CpuThreads.EnvironmentVariable, "3");
            Assert.Equal(3, CpuThreads.FromEnvironment());
            Environment.SetEnvironmentVariable(CpuThreads.EnvironmentVariable, "zero");
            var error = Assert.Throws<InvalidOperationException>(() => CpuThreads.FromEnvironment());
            Assert.Contains("NETGEN_NUM_THREADS is 'zero'", error.Message);
        }
        finally
        {
            Environment.SetEnvironmentVariable(CpuThreads.EnvironmentVariable, original);
        }
    }

    [Fact]
    public void Max_sets_the_pools_thread_count_within_its_limits()
    {
        var original = CpuThreads.Max;
        try
        {
            CpuThreads.Max = 1;
            Assert.Equal(1, CpuThreads.Max);
            Assert.Throws<ArgumentOutOfRangeException>(() => CpuThreads.Max = 0);
            Assert.Throws<ArgumentOutOfRangeException>(() => CpuThreads.Max = 257);
        }
        finally
        {
            CpuThreads.Max = original;
        }
    }
}
