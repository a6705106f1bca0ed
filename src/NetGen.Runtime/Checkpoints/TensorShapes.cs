using System.Collections.Generic;

namespace NetGen;

/// <summary>A file's tensor shape against a network's, as checkpoint loaders compare and print them.</summary>
internal static class TensorShapes
{
    /// <summary>Whether the file's <paramref name="shape"/> is the network's <paramref name="expected"/>, dimension by dimension.</summary>
    public static bool Same(IReadOnlyList<long> shape, IReadOnlyList<int> expected)
    {
        if (shape.Count != expected.Count)
        {
            return false;
        }

        for (var i = 0; i < shape.Count; i++)
        {
            if (shape[i] != expected[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"[4, 2]".</summary>
    public static string Describe<T>(IEnumerable<T> shape) => "[" + string.Join(", ", shape) + "]";
}
