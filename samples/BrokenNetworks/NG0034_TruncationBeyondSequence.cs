using NetGen;

namespace NetGen.Samples.BrokenNetworks;

/// <summary>Truncating to 50 steps a sequence of 20 changes nothing.</summary>
[Network]
[Input(20, 1, Sequence = true)]
[SimpleRnn(8, Bptt = 50)] // expect NG0034
[Dense(1)]
public partial class LongTruncationNet;
