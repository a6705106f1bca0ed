using NetGen;

namespace NetGen.Samples.BrokenNetworks;

/// <summary>A network cannot be generic: its sizes are constants of one class.</summary>
[Network]
[Input(2)]
[Dense(1)]
public partial class GenericNet<T>; // expect NG0002
