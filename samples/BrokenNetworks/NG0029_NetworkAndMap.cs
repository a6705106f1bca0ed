using NetGen;

namespace NetGen.Samples.BrokenNetworks;

/// <summary>A class is a network or a self-organising map, never both.</summary>
[Network]
[Input(2)]
[Dense(1)]
[SelfOrganizingMap(4, 4, 2)] // expect NG0029
public partial class NetworkAndMap;
