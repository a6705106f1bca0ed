using System;
using System.Collections.Generic;
using NetGen.Cuda;

namespace NetGen.Tests.Cuda;

/// <summary>The owner a CUDA session registers what it acquires with, so that a failed constructor leaks nothing.</summary>
public sealed class CudaResourcesTests
{
    [Fact]
    public void Releases_run_in_the_reverse_order_of_acquisition()
    {
        var released = new List<string>();
        var resources = new CudaResources();
        foreach (var name in new[] { "context", "module", "stream", "buffer" })
        {
            resources.Add(() => released.Add(name));
        }

        resources.Dispose();

        Assert.Equal(["buffer", "stream", "module", "context"], released);
        Assert.Empty(resources.Failures);
        Assert.Equal(0, resources.Count);
    }

    [Fact]
    public void A_release_that_throws_does_not_stop_the_others_nor_escape()
    {
        var released = new List<string>();
        var failure = new InvalidOperationException("cuMemFree_v2 failed");
        var resources = new CudaResources();
        resources.Add(() => released.Add("context"));
        resources.Add(() => throw failure);
        resources.Add(() => released.Add("event"));

        var escaped = Record.Exception(resources.Dispose);

        Assert.Null(escaped);
        Assert.Equal(["event", "context"], released);
        Assert.Same(failure, Assert.Single(resources.Failures));
    }

    [Fact]
    public void Disposing_twice_releases_once_and_nothing_is_taken_after()
    {
        var releases = 0;
        var resources = new CudaResources();
        resources.Add(() => releases++);

        resources.Dispose();
        resources.Dispose();

        Assert.Equal(1, releases);
        Assert.Throws<ObjectDisposedException>(() => resources.Add(() => releases++));
    }

    [Fact]
    public void A_construction_that_fails_midway_releases_exactly_what_it_took_and_rethrows_its_own_error()
    {
        var device = new FakeDevice();
        var outOfMemory = new CudaException("cuMemAlloc_v2(hidden, 1099511627776 bytes)", CudaResult.OutOfMemory, null, null);

        string[] sequence = ["context", "module", "compute stream", "parameters", "gradients", "staging slot"];

        var error = Assert.Throws<CudaException>(() => CudaResources.Own(resources =>
        {
            foreach (var step in sequence)
            {
                if (step == "gradients")
                {
                    throw outOfMemory;
                }

                device.Acquire(step, resources);
            }

            return device;
        }));

        Assert.Same(outOfMemory, error);
        Assert.Equal(["context", "module", "compute stream", "parameters"], device.Acquired);
        Assert.Equal(["parameters", "compute stream", "module", "context"], device.Released);
    }

    [Fact]
    public void A_release_that_fails_while_unwinding_does_not_replace_the_constructions_error()
    {
        var device = new FakeDevice();
        var failure = new InvalidOperationException("NVRTC could not compile the CUDA source of XorNet");

        var error = Assert.Throws<InvalidOperationException>(() => CudaResources.Own<FakeDevice>(resources =>
        {
            device.Acquire("context", resources);
            resources.Add(() => throw new CudaException("cuModuleUnload", CudaResult.IllegalAddress, null, null));
            throw failure;
        }));

        Assert.Same(failure, error);
        Assert.Equal(["context"], device.Released);
    }

    [Fact]
    public void A_construction_that_succeeds_keeps_everything_until_its_owner_is_disposed()
    {
        var device = new FakeDevice();
        CudaResources? owner = null;

        var built = CudaResources.Own(resources =>
        {
            owner = resources;
            device.Acquire("context", resources);
            device.Acquire("module", resources);
            return device;
        });

        Assert.Same(device, built);
        Assert.Empty(device.Released);
        Assert.Equal(2, owner!.Count);
        owner.Dispose();
        Assert.Equal(["module", "context"], device.Released);
    }

    /// <summary>Stands in for the driver: records what is acquired and released.</summary>
    private sealed class FakeDevice
    {
        public List<string> Acquired { get; } = [];

        public List<string> Released { get; } = [];

        public void Acquire(string what, CudaResources resources)
        {
            Acquired.Add(what);
            resources.Add(() => Released.Add(what));
        }
    }
}
