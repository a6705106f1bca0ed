using NetGen;

namespace NetGen.Samples.BrokenNetworks;

/// <summary>A sequence is steps × features; three sizes are an image.</summary>
[Network]
[Input(3, 20, 4, Sequence = true)] // expect NG0035
[Flatten]
[Dense(1)]
public partial class ThreeSizeSequenceNet;
