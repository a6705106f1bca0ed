using NetGen;

namespace NetGen.Samples.BrokenNetworks;

/// <summary>A 7×7 kernel over a 4×4 image padded to 6×6.</summary>
[Network]
[Input(1, 4, 4)]
[Conv2D(2, Kernel = 7, Padding = 1)] // expect NG0017
public partial class OversizedKernelNet;
