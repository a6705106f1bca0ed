using NetGen;

namespace NetGen.Samples.BrokenNetworks;

/// <summary>A rate of 1 would drop every value.</summary>
[Network]
[Input(8)]
[Dense(4, Activation = Activation.ReLU)]
[Dropout(1.0)] // expect NG0023
[Dense(1)]
public partial class DropEverythingNet;
