using NetGen;

namespace NetGen.Samples.BrokenNetworks;

/// <summary>The GRU returns every step, 20×16, but the dense layer takes a vector.</summary>
[Network]
[Input(20, 3, Sequence = true)]
[Gru(16, ReturnSequences = true)]
[Dense(1)] // expect NG0033
public partial class SequenceIntoDenseNet;
