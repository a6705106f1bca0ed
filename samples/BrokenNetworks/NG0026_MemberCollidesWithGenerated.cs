using NetGen;

namespace NetGen.Samples.BrokenNetworks;

/// <summary>A member the generated part declares too: NetGen reports it here rather than the compiler in the generated file.</summary>
[Network]
[Input(2)]
[Dense(1)]
public partial class CollidingNet
{
    /// <summary>Also generated, from [Input(2)].</summary>
    public const int InputSize = 2; // expect NG0026
}
