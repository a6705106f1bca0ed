using System;
using System.IO;
using NetGen.Internal;

namespace NetGen;

/// <summary>
/// The refusal of NaN and ±∞ weights that every checkpoint format shares: the same check, naming the tensor and the
/// element, and the same advice, whichever format writes or reads them.
/// </summary>
internal static class NonFiniteWeights
{
    /// <summary>Throws when <paramref name="network"/> holds a NaN or ±∞ parameter or state value, so that nothing is written to <paramref name="path"/>.</summary>
    /// <exception cref="InvalidOperationException">The network holds a non-finite value; the message names the tensor and the element.</exception>
    public static void ThrowIfAnyToSave(INetwork network, string path)
    {
        if (FirstNonFinite(network, network.Parameters, network.State) is { } element)
        {
            throw new InvalidOperationException(
                $"{network.Name}: {element.Describe} is {NonFiniteValues.Describe(element.Value)}, so the weights were not saved to {path}. " +
                "Training probably diverged (see TrainingOptions.NonFiniteBatches); pass allowNonFinite: true to save them anyway.");
        }
    }

    /// <summary>Throws when values read from <paramref name="path"/>, laid out as <paramref name="network"/>'s buffers, hold a NaN or ±∞.</summary>
    /// <exception cref="InvalidDataException">A loaded value is non-finite; the message names the tensor and the element.</exception>
    public static void ThrowIfAnyLoaded(INetwork network, string path, ReadOnlySpan<float> parameters, ReadOnlySpan<float> state)
    {
        if (FirstNonFinite(network, parameters, state) is { } element)
        {
            throw new InvalidDataException(
                $"{path} holds non-finite weights: {element.Describe} is {NonFiniteValues.Describe(element.Value)}. " +
                $"{network.Name} was left unchanged; pass allowNonFinite: true to load them anyway.");
        }
    }

    /// <summary>The first NaN or ±∞ among <paramref name="parameters"/>, then <paramref name="state"/> (laid out as the network's), or null.</summary>
    private static NonFiniteElement? FirstNonFinite(INetwork network, ReadOnlySpan<float> parameters, ReadOnlySpan<float> state)
    {
        var index = NonFiniteValues.IndexOfFirst(parameters);
        if (index >= 0)
        {
            return new NonFiniteElement("parameter " + TensorElement.Locate(network.ParameterTensors, index), parameters[index]);
        }

        index = NonFiniteValues.IndexOfFirst(state);
        return index >= 0 ? new NonFiniteElement("state " + TensorElement.Locate(network.StateTensors, index), state[index]) : null;
    }

    private readonly record struct NonFiniteElement(string Describe, float Value);
}
