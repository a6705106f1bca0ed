using System;
using System.Collections.Generic;
using System.Linq;

namespace NetGen;

/// <summary>A named, shaped slice of one of a network's flat buffers, such as "Hidden.Weight" [4, 2].</summary>
public abstract class NamedTensor
{
    private readonly int[] _shape;

    private protected NamedTensor(string name, int offset, int[] shape)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        if (shape.Length == 0 || shape.Any(dimension => dimension < 1))
        {
            throw new ArgumentException($"Tensor '{name}' needs a shape of positive dimensions.", nameof(shape));
        }

        Name = name;
        Offset = offset;
        _shape = shape.ToArray();
        Length = shape.Aggregate(1, (product, dimension) => checked(product * dimension));
    }

    /// <summary>Layer and role, "Layer.Weight".</summary>
    public string Name { get; }

    /// <summary>Where the slice starts in its buffer.</summary>
    public int Offset { get; }

    /// <summary>How many floats the slice holds.</summary>
    public int Length { get; }

    /// <summary>The dimensions, outermost first (weights are [outputs, inputs]).</summary>
    public IReadOnlyList<int> Shape => _shape;

    /// <summary>This tensor's values inside its buffer.</summary>
    public Span<float> Slice(Span<float> buffer) => buffer.Slice(Offset, Length);

    /// <inheritdoc cref="Slice(Span{float})"/>
    public ReadOnlySpan<float> Slice(ReadOnlySpan<float> buffer) => buffer.Slice(Offset, Length);

    public override string ToString() => $"{Name} [{string.Join(", ", _shape)}]";
}

/// <summary>A trained tensor: a slice of <see cref="INetwork.Parameters"/> (and, laid out alike, of <see cref="INetwork.Gradients"/>).</summary>
public sealed class ParameterTensor : NamedTensor
{
    public ParameterTensor(string name, int offset, params int[] shape)
        : base(name, offset, shape)
    {
    }
}

/// <summary>Layer state the optimizer never touches, such as batch normalisation's running statistics: a slice of <see cref="INetwork.State"/>.</summary>
public sealed class StateTensor : NamedTensor
{
    public StateTensor(string name, int offset, params int[] shape)
        : base(name, offset, shape)
    {
    }
}
