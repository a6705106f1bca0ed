using System.Globalization;
using System.Linq;

namespace NetGen.Generator.Model;

/// <summary>What a sample's dimensions mean.</summary>
internal enum ShapeKind
{
    /// <summary>Features: [size].</summary>
    Vector,

    /// <summary>Height × width: a one-channel image to the spatial layers, which a dense layer needs flattened.</summary>
    Matrix,

    /// <summary>Channels × height × width (NCHW).</summary>
    Image,

    /// <summary>Steps × features: what recurrent layers read, and give when they return every step.</summary>
    Sequence,
}

/// <summary>The shape of one sample as it flows between layers: its kind, and its dimensions outermost first.</summary>
internal sealed record Shape(ShapeKind Kind, EquatableArray<int> Dimensions)
{
    /// <summary>
    /// The shape of no sample: what a missing input or a layer whose shape could not be inferred produces (both already
    /// reported). Layers take it without reporting shape diagnostics of their own, which would be about an invented shape.
    /// </summary>
    public static Shape None { get; } = new(ShapeKind.Vector, EquatableArray<int>.Empty);

    public static Shape Vector(int size) => new(ShapeKind.Vector, new EquatableArray<int>(new[] { size }));

    public static Shape Image(int channels, int height, int width) => new(ShapeKind.Image, new EquatableArray<int>(new[] { channels, height, width }));

    public static Shape Sequence(int steps, int features) => new(ShapeKind.Sequence, new EquatableArray<int>(new[] { steps, features }));

    /// <summary>The shape an attribute's sizes declare: one is a vector, two a matrix, three an image.</summary>
    public static Shape Declared(EquatableArray<int> dimensions) => new(
        dimensions.Count switch
        {
            3 => ShapeKind.Image,
            2 => ShapeKind.Matrix,
            0 or 1 => ShapeKind.Vector,
            _ => throw new System.ArgumentOutOfRangeException(nameof(dimensions), dimensions.Count, "A sample has one to three dimensions."),
        },
        dimensions);

    /// <summary>Whether the shape was inferred (false for <see cref="None"/>).</summary>
    public bool IsKnown => Dimensions.Count > 0;

    public bool IsSpatial => Kind is ShapeKind.Matrix or ShapeKind.Image;

    /// <summary>Steps of a sequence.</summary>
    public int Steps => Dimensions[0];

    /// <summary>Features at each step of a sequence.</summary>
    public int Features => Dimensions[1];

    /// <summary>Floats in one sample, saturating at <see cref="int.MaxValue"/> (which inference reports as too large).</summary>
    public int Size => Product(Dimensions);

    /// <summary>Channels of a spatial shape (a matrix has one).</summary>
    public int Channels => Kind == ShapeKind.Image ? Dimensions[0] : 1;

    public int Height => Dimensions[Dimensions.Count - 2];

    public int Width => Dimensions[Dimensions.Count - 1];

    /// <summary>The product of <paramref name="dimensions"/>, saturating at <see cref="int.MaxValue"/>.</summary>
    public static int Product(EquatableArray<int> dimensions)
    {
        long product = 1;
        foreach (var dimension in dimensions)
        {
            product = System.Math.Min(product * dimension, int.MaxValue);
        }

        return (int)product;
    }

    /// <summary>As users read it, "1×28×28".</summary>
    public override string ToString() => string.Join("×", Dimensions.Select(dimension => dimension.ToString(CultureInfo.InvariantCulture)));
}
