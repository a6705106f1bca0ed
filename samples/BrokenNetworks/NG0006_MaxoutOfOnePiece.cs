using NetGen;

namespace NetGen.Samples.BrokenNetworks;

/// <summary>A maxout unit of one piece would be a linear unit.</summary>
[Network]
[Input(8)]
[Maxout(4,
    1)] // expect NG0006
[Dense(1)]
public partial class OnePieceMaxoutNet;
