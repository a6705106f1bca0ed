using System;

namespace NetGen.Search;

/// <summary>
/// An architecture a search may train: a name for the results and a factory that returns a new, untrained network each
/// call. A declared network's layers, sizes, activations and dropout rates are compile-time constants, so searching
/// over them means listing one declared class per candidate.
/// </summary>
public sealed record NetworkCandidate
{
    /// <param name="name">The name shown in the results; not empty.</param>
    /// <param name="create">Returns a new network on every call (trials may run at the same time, so never a shared one).</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    public NetworkCandidate(string name, Func<INetwork> create)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(create);
        Name = name;
        Create = create;
    }

    /// <summary>The name shown in the results.</summary>
    public string Name { get; }

    /// <summary>Returns a new network.</summary>
    public Func<INetwork> Create { get; }

    /// <summary>A candidate named after the network class <typeparamref name="TNetwork"/>.</summary>
    public static NetworkCandidate Of<TNetwork>()
        where TNetwork : INetwork, new() => new(typeof(TNetwork).Name, static () => new TNetwork());

    /// <summary>The name.</summary>
    public override string ToString() => Name;
}
