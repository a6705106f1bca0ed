using NetGen;

namespace NetGen.Tests.Search;

/// <summary>A tiny regression network for search tests: 2 → 6 (tanh) → 1.</summary>
[Network(Loss = Loss.MeanSquaredError)]
[Input(2)]
[Dense(6, Name = "Hidden", Activation = Activation.Tanh)]
[Dense(1, Name = "Output")]
public partial class NarrowSearchNet;

/// <summary>A wider candidate architecture for the same data: 2 → 12 (tanh) → 1.</summary>
[Network(Loss = Loss.MeanSquaredError)]
[Input(2)]
[Dense(12, Name = "Hidden", Activation = Activation.Tanh)]
[Dense(1, Name = "Output")]
public partial class WideSearchNet;
