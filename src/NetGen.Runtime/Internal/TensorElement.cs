using System.Collections.Generic;

namespace NetGen.Internal;

/// <summary>An element of a network's flat buffer, located in its named tensor: "Hidden.Weight" element 13, at [3, 1].</summary>
internal readonly record struct TensorElement(NamedTensor Tensor, int Index)
{
    /// <summary>The tensor of <paramref name="tensors"/> (in buffer order) holding buffer element <paramref name="bufferIndex"/>.</summary>
    public static TensorElement Locate(IReadOnlyList<NamedTensor> tensors, int bufferIndex)
    {
        for (var index = 0; index < tensors.Count; index++)
        {
            var tensor = tensors[index];
            if (bufferIndex >= tensor.Offset && bufferIndex < tensor.Offset + tensor.Length)
            {
                return new TensorElement(tensor, bufferIndex - tensor.Offset);
            }
        }

        throw new System.ArgumentOutOfRangeException(nameof(bufferIndex), bufferIndex, "No tensor holds this element.");
    }

    /// <summary>The element's index along each dimension, outermost first: [3, 1].</summary>
    public int[] Coordinates
    {
        get
        {
            var shape = Tensor.Shape;
            var coordinates = new int[shape.Count];
            var remainder = Index;
            for (var dimension = shape.Count - 1; dimension >= 0; dimension--)
            {
                coordinates[dimension] = remainder % shape[dimension];
                remainder /= shape[dimension];
            }

            return coordinates;
        }
    }

    /// <summary>The element's position by dimension, outermost first: "[3, 1]".</summary>
    public string Position => "[" + string.Join(", ", Coordinates) + "]";

    /// <summary>"'Hidden.Weight' element 13 [3, 1]".</summary>
    public override string ToString() => $"'{Tensor.Name}' element {Index} {Position}";
}
