using NetGen;

namespace NetGen.Samples.BrokenNetworks;

/// <summary>The generated part of a nested network is re-declared inside its containing types, so they must be partial too.</summary>
public class Models // expect NG0003
{
    /// <summary>A network nested in a class that is not partial.</summary>
    [Network]
    [Input(2)]
    [Dense(1)]
    public partial class NestedNet;
}
