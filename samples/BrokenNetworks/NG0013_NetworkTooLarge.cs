using NetGen;

namespace NetGen.Samples.BrokenNetworks;

/// <summary>10¹⁰ weights do not fit one buffer.</summary>
[Network]
[Input(100000)]
[Dense(100000)] // expect NG0013
public partial class HugeNet;
