using NetGen;

namespace NetGen.Samples.BrokenNetworks;

/// <summary>RBF kernels straight after an image input, without [Flatten].</summary>
[Network]
[Input(1, 8, 8)]
[Rbf(16)] // expect NG0010
[Dense(1)]
public partial class UnflattenedRbfNet;
