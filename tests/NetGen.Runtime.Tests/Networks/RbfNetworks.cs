using NetGen;

namespace NetGen.Tests.Networks;

/// <summary>RBF kernels between a tanh layer and a linear output: the centres, the log-widths and δ into tanh's derivative below.</summary>
[Network(Loss = Loss.MeanSquaredError)]
[Input(3)]
[Dense(4, Name = "Hidden", Activation = Activation.Tanh)]
[Rbf(5, Name = "Kernels")]
[Dense(2, Name = "Output")]
public partial class RbfNet;

/// <summary>RBF kernels as the first and output layer (nothing below needs δ), starting narrower than the default.</summary>
[Network(Loss = Loss.MeanSquaredError, Reduction = LossReduction.Sum)]
[Input(2)]
[Rbf(3, Name = "Kernels", Width = 0.5)]
public partial class RbfOnlyNet;
