using NetGen.Cuda;
using NetGen.Samples.Mnist;
using NetGen.Samples.Xor;

namespace NetGen.Tests.Cuda;

/// <summary>
/// A network's CUDA program is reached through <see cref="INetwork.CudaProgram"/>, not by reflection, so trimming and
/// NativeAOT cannot remove it from under the CUDA back end.
/// </summary>
public sealed class CudaProgramLookupTests
{
    [Fact]
    public void The_interface_gives_each_networks_own_generated_program()
    {
        INetwork xor = new XorNet();
        INetwork lenet = new LeNet5();

        Assert.Same(XorNet.CudaProgram, xor.CudaProgram);
        Assert.Same(LeNet5.CudaProgram, lenet.CudaProgram);
        Assert.Same(XorNet.CudaProgram, CudaSession.ProgramOf(xor));
        Assert.Equal("XorNet", CudaSession.ProgramOf(xor).NetworkName);
    }
}
