using System;
using System.Collections.Generic;
using System.Linq;

namespace NetGen;

/// <summary>A named, shaped slice of a network's parameter buffer, such as "Hidden.Weight" [4, 2].</summary>
public sealed class ParameterTensor
{
    private readonly int[] _shape;

    public ParameterTensor(string name, int offset, params int[] shape)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        if (shape.Length == 0 || shape.Any(dimension => dimension < 1))
        {
            throw new ArgumentException($"Parameter tensor '{name}' needs a shape of positive dimensions.", nameof(shape));
        }

        Name = name;
        Offset = offset;
        _shape = shape.ToArray();
        Length = shape.Aggregate(1, (product, dimension) => checked(product * dimension));
    }

    /// <summary>Layer and role, "Layer.Weight".</summary>
    public string Name { get; }

    /// <summary>Where the slice starts in the parameter buffer.</summary>
    public int Offset { get; }

    /// <summary>How many floats the slice holds.</summary>
    public int Length { get; }

    /// <summary>The dimensions, outermost first (weights are [outputs, inputs]).</summary>
    public IReadOnlyList<int> Shape => _shape;

    /// <summary>This tensor's values inside a network's parameter (or gradient) buffer.</summary>
    public Span<float> Slice(Span<float> buffer) => buffer.Slice(Offset, Length);

    /// <inheritdoc cref="Slice(Span{float})"/>
    public ReadOnlySpan<float> Slice(ReadOnlySpan<float> buffer) => buffer.Slice(Offset, Length);

    public override string ToString() => $"{Name} [{string.Join(", ", _shape)}]";
}
