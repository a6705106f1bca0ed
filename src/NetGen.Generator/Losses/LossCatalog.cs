using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using NetGen.Generator.Model;

namespace NetGen.Generator.Losses;

/// <summary>Every loss, one definition each.</summary>
internal static class LossCatalog
{
    public static ImmutableArray<LossDefinition> All { get; } =
    [
        new SquaredErrorLoss(),
        new AbsoluteErrorLoss(),
        new BinaryCrossEntropyLoss(),
        new SoftmaxCrossEntropyLoss(),
        new PerceptronLoss(),
    ];

    private static readonly Dictionary<LossKind, LossDefinition> s_byKind = All.ToDictionary(loss => loss.Kind);

    public static LossDefinition For(LossKind kind) =>
        s_byKind.TryGetValue(kind, out var loss) ? loss : throw new KeyNotFoundException("No loss definition for " + kind + ".");
}
