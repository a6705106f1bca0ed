using NetGen;

namespace NetGen.Samples.Rbf;

/// <summary>Ten Gaussian kernels on the scaled x, then their weighted sum: 10 centres + 10 log-widths + 10 weights + 1 bias = 31 parameters.</summary>
[Network(Loss = Loss.MeanSquaredError)]
[Input(1)]
[Rbf(10, Name = "Kernels")]
[Dense(1, Name = "Output")]
public partial class RbfRegressor;

/// <summary>The same budget as a tanh layer: 10 weights + 10 biases + 10 weights + 1 bias = 31 parameters.</summary>
[Network(Loss = Loss.MeanSquaredError)]
[Input(1)]
[Dense(10, Name = "Hidden", Activation = Activation.Tanh)]
[Dense(1, Name = "Output")]
public partial class TanhRegressor;
