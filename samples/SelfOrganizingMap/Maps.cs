using NetGen;

namespace NetGen.Samples.SelfOrganizingMap;

/// <summary>A 20×20 map of RGB colours: each unit's prototype is a colour.</summary>
[SelfOrganizingMap(20, 20, 3)]
public sealed partial class ColourMap;

/// <summary>A 10×10 map of MNIST digits: each unit's prototype is a 28×28 image.</summary>
[SelfOrganizingMap(10, 10, 784)]
public sealed partial class DigitMap;
