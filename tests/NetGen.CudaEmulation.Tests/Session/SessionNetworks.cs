namespace NetGen.CudaEmulation.Tests.Session;

/// <summary>
/// Batch normalisation of a dense layer's outputs with tanh after it, as NetGen.Runtime.Tests' BatchNormNet that the GPU
/// tests of the non-finite guard train. Tanh carries a NaN on to the loss on both backends, where ReLU does not: the
/// kernels' ReLU (<c>z &gt; 0 ? z : 0</c>) turns NaN into 0.
/// </summary>
[Network(Loss = Loss.MeanSquaredError)]
[Input(5)]
[Dense(6, Name = "Hidden")]
[BatchNorm(Name = "Norm", Activation = Activation.Tanh)]
[Dense(2, Name = "Output")]
public partial class TanhBatchNormNet;

/// <summary>Linear regression, y = w·x + b, as NetGen.Runtime.Tests' LinearRegressionNet, whose gradient a huge input overflows.</summary>
[Network(Loss = Loss.MeanSquaredError)]
[Input(1)]
[Dense(1, Name = "Line")]
public partial class LineNet;
