using NetGen;

namespace NetGen.Samples.BrokenNetworks;

/// <summary>A million units of 3,000 floats each: three billion floats, more than an array holds.</summary>
[SelfOrganizingMap(1000, 1000, 3000)] // expect NG0030
public partial class TooLargeMap;
