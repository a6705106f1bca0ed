using NetGen;

namespace NetGen.Samples.BrokenNetworks;

/// <summary>The LSTM returns only its last step, so there are no steps for PerStep to apply to.</summary>
[Network]
[Input(20, 3, Sequence = true)]
[Lstm(16)]
[Dense(1, PerStep = true)] // expect NG0036
public partial class PerStepOnVectorNet;
