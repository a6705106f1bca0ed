using NetGen;

namespace NetGen.Samples.Classics.Regression;

/// <summary>
/// The walk-through's model y = w·x: one weight, no bias. The summed squared error is ½ Σ (y − t)², half the seed's
/// ξ = Σ (t − y)², so its gradient is half of ξ's and SGD at η = 2μ takes the seed's step.
/// </summary>
[Network(Loss = Loss.MeanSquaredError, Reduction = LossReduction.Sum)]
[Input(1)]
[Dense(1, Name = "Line", Bias = false)]
public partial class LineThroughOrigin;
