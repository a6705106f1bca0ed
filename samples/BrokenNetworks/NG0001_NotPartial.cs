using NetGen;

namespace NetGen.Samples.BrokenNetworks;

/// <summary>The generator cannot add members to a class that is not partial.</summary>
[Network]
[Input(2)]
[Dense(1)]
public class NotPartialNet // expect NG0001
{
}
