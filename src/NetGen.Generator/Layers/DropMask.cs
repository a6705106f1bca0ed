using NetGen.Generator.Emit;
using NetGen.Generator.Emit.Cuda;

namespace NetGen.Generator.Layers;

/// <summary>
/// The random mask dropout and DropConnect share: element i of a layer's stream is dropped in a training step when the
/// stream draws below p for i at that step (Philox, keyed by the network's seed, the step and the layer's stream, so the C#
/// and CUDA masks are the same bit for bit), and what is kept is scaled by 1 / (1 − p).
/// </summary>
internal static class DropMask
{
    /// <summary>What kept values are multiplied by in training, 1 / (1 − p), so that inference needs no rescaling.</summary>
    public static double Scale(double probability) => 1.0 / (1.0 - probability);

    /// <summary>The runtime's DropoutMask for <paramref name="layer"/>'s stream at the current step.</summary>
    public static string CSharp(CSharpLayer layer, double probability) =>
        "new " + RuntimeTypes.Internal + "DropoutMask(" + Literals.Float(probability) + ", " + Literals.Float(Scale(probability)) + ", " +
        layer.RandomSeed + ", " + layer.TrainingStep + ", " + Literals.Int(layer.Stream) + ")";

    /// <summary>The CUDA condition under which element <paramref name="index"/> of <paramref name="layer"/>'s stream is dropped.</summary>
    public static string CudaDropped(CudaLayer layer, string index, double probability) =>
        "ng_uniform(seed, step, " + C.Int(layer.Stream) + "u, (unsigned int)" + index + ") < " + C.Float(probability);
}
