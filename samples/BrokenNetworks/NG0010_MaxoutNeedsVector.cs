using NetGen;

namespace NetGen.Samples.BrokenNetworks;

/// <summary>A maxout layer straight after an image input, without [Flatten].</summary>
[Network]
[Input(1, 8, 8)]
[Maxout(16, 2)] // expect NG0010
[Dense(1)]
public partial class UnflattenedMaxoutNet;
