using NetGen;

namespace NetGen.Samples.BrokenNetworks;

/// <summary>Nothing to train: no layer has parameters.</summary>
[Network]
[Input(1, 28, 28)]
[Flatten]
public partial class NothingToTrainNet; // expect NG0007
