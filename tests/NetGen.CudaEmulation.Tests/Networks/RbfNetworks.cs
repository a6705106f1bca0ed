using NetGen;

namespace NetGen.CudaEmulation.Tests.Networks;

/// <summary>
/// 20 RBF kernels on a tanh layer of 30 units (tanh's derivative fused into the kernels' δ-below), under a sigmoid output.
/// </summary>
[Network(Loss = Loss.MeanSquaredError)]
[Input(4)]
[Dense(30, Name = "Hidden", Activation = Activation.Tanh)]
[Rbf(20, Name = "Kernels", Width = 1.5)]
[Dense(3, Name = "Output", Activation = Activation.Sigmoid)]
public partial class RbfNet;

/// <summary>300 RBF kernels as the first and output layer (nothing below needs δ): more kernels and parameters than one block has threads.</summary>
[Network(Loss = Loss.MeanSquaredError, Reduction = LossReduction.Sum)]
[Input(3)]
[Rbf(300, Name = "Kernels", Width = 2)]
public partial class RbfWideNet;
