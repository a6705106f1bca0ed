using NetGen;

namespace NetGen.Samples.BrokenNetworks;

/// <summary>A self-organising map of no rows.</summary>
[SelfOrganizingMap(
    0, // expect NG0006
    8,
    2)]
public partial class NoRowsMap;
