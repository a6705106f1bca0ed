using NetGen;

namespace NetGen.Samples.BrokenNetworks;

/// <summary>[Input] after a layer.</summary>
[Network]
[Dense(10)]
[Input(784)] // expect NG0005
public partial class InputAfterLayerNet;
