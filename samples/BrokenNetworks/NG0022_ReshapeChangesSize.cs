using NetGen;

namespace NetGen.Samples.BrokenNetworks;

/// <summary>48 floats per sample cannot be viewed as 4×4×4 = 64.</summary>
[Network]
[Input(48)]
[Reshape(4, 4, 4)] // expect NG0022
[Conv2D(2, Kernel = 3)]
[Flatten]
[Dense(1)]
public partial class MisshapenNet;
