using NetGen;

namespace NetGen.Samples.BrokenNetworks;

/// <summary>No [Input]: the generator cannot infer any shape.</summary>
[Network]
[Dense(10)]
public partial class NoInputNet; // expect NG0004
