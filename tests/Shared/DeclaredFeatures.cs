using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace NetGen.Tests.Shared;

/// <summary>
/// The layer kinds, activations and losses a set of network classes declares, read from their attributes; and every one
/// the attributes assembly offers. Coverage tests compare the two, so a new kind without a test network fails.
/// </summary>
internal sealed class DeclaredFeatures
{
    private DeclaredFeatures(IEnumerable<Type> layers, IEnumerable<Activation> activations, IEnumerable<Loss> losses)
    {
        Layers = layers.ToHashSet();
        Activations = activations.ToHashSet();
        Losses = losses.ToHashSet();
    }

    public HashSet<Type> Layers { get; }

    public HashSet<Activation> Activations { get; }

    public HashSet<Loss> Losses { get; }

    /// <summary>Every layer attribute, activation and loss there is.</summary>
    public static DeclaredFeatures All { get; } = new(
        typeof(LayerAttribute).Assembly.GetTypes().Where(type => type.IsSubclassOf(typeof(LayerAttribute)) && !type.IsAbstract),
        Enum.GetValues<Activation>(),
        Enum.GetValues<Loss>());

    /// <summary>What <paramref name="networks"/> declare: their layer attributes, the activations those set, their losses.</summary>
    public static DeclaredFeatures Of(IEnumerable<Type> networks)
    {
        var types = networks.ToList();
        var layers = types.SelectMany(type => type.GetCustomAttributes<LayerAttribute>()).ToList();
        return new DeclaredFeatures(
            layers.Select(layer => layer.GetType()),
            layers.SelectMany(layer => layer.GetType().GetProperties()
                .Where(property => property.PropertyType == typeof(Activation))
                .Select(property => (Activation)property.GetValue(layer)!)),
            types.Select(type => type.GetCustomAttribute<NetworkAttribute>()?.Loss ?? throw new ArgumentException(type.Name + " is not a [Network]")));
    }

    /// <summary>What <see cref="All"/> has that this does not, one line each, for an assertion message.</summary>
    public IReadOnlyList<string> Missing() =>
        All.Layers.Except(Layers).Select(type => "layer [" + type.Name.Replace("Attribute", string.Empty, StringComparison.Ordinal) + "]")
            .Concat(All.Activations.Except(Activations).Select(activation => "activation " + activation))
            .Concat(All.Losses.Except(Losses).Select(loss => "loss " + loss))
            .OrderBy(line => line, StringComparer.Ordinal)
            .ToList();
}
