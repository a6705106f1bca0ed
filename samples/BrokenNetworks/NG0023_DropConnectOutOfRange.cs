using NetGen;

namespace NetGen.Samples.BrokenNetworks;

/// <summary>A DropConnect probability of 1 would drop every weight.</summary>
[Network]
[Input(8)]
[Dense(4, Activation = Activation.ReLU,
    DropConnect = 1.0)] // expect NG0023
[Dense(1)]
public partial class DropEveryConnectionNet;
