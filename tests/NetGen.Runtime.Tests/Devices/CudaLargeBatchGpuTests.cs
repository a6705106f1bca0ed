using System;
using System.Linq;
using NetGen.Cuda;
using NetGen.Data;
using NetGen.Samples.Mnist;
using NetGen.Tests.Data;
using NetGen.Tests.Networks;

namespace NetGen.Tests.Devices;

/// <summary>
/// Batches whose grids a GPU refused before the product rows moved to grid x: LeNet-5 over the 10,000 test images in
/// one batch, a CIFAR-shaped network at 4,096, a 224 × 224 convolution at 84. Each against the CPU backend; skipped,
/// with the reason, where there is no device. The refusal beyond a program's largest batch needs no device.
/// </summary>
public sealed class CudaLargeBatchGpuTests
{
    [CudaDeviceFact]
    public void LeNet5_evaluates_the_10000_test_images_in_one_batch_as_the_cpu_does()
    {
        var test = Mnist.Load(MnistFiles.Directory, MnistSplit.Test).ToDataset();
        var network = new NetGen.Samples.Mnist.LeNet5();
        network.Initialize(5);

        var cpu = Trainer.Evaluate(network, test, 10_000, ComputeDevice.Cpu);
        var gpu = Trainer.Evaluate(network, test, 10_000, ComputeDevice.Cuda());

        Assert.Equal(cpu.Loss, gpu.Loss, 1e-4 * Math.Abs(cpu.Loss));
        Assert.Equal(cpu.Accuracy, gpu.Accuracy, 2e-4); // two samples of 10,000 may flip on a near tie
    }

    [CudaDeviceFact]
    public void A_cifar_shaped_network_takes_its_gradients_at_batch_4096_as_the_cpu_does() => GradientsMatch(new CifarShapedNet(), 4_096);

    [CudaDeviceFact]
    public void A_224_pixel_convolution_takes_its_gradients_at_batch_84_as_the_cpu_does() => GradientsMatch(new Image224Net(), 84);

    [Fact]
    public void A_capacity_beyond_the_largest_batch_is_refused_before_the_device_is_touched()
    {
        var nowhere = new CudaDeviceInfo(99, "no such device", 9, 0, 0);
        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => CudaSession.Open(new Image224Net(), nowhere, 2_675));
        Assert.Contains("Image224Net runs on CUDA in batches of at most 2,674 samples", refused.Message, StringComparison.Ordinal);
        Assert.Contains("buffer '", refused.Message, StringComparison.Ordinal);
    }

    private static void GradientsMatch(INetwork network, int batch)
    {
        network.Initialize(7);
        var (inputs, targets) = CudaSessionGpuTests.RandomBatch(network, batch);

        using var session = CudaSession.Open(network, CudaProbe.TryFind(0, out _)!, batch);
        var cpuLoss = network.ComputeGradients(inputs, targets);
        session.Stage(inputs, targets);
        session.LaunchGradients();
        var gpuLoss = session.Finish();
        var gpuGradients = new float[network.ParameterCount];
        session.CopyGradientsTo(gpuGradients);

        Assert.Equal(cpuLoss, gpuLoss, 1e-4 * Math.Abs(cpuLoss));
        var cpuGradients = network.Gradients.ToArray();
        var scale = cpuGradients.Max(Math.Abs);
        for (var index = 0; index < cpuGradients.Length; index++)
        {
            Assert.True(Math.Abs(cpuGradients[index] - gpuGradients[index]) <= 1e-4 * scale, $"gradient {index}: CPU {cpuGradients[index]}, GPU {gpuGradients[index]}");
        }
    }
}
