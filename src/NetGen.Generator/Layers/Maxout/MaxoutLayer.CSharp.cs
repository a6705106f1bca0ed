using NetGen.Generator.Emit;
using NetGen.Generator.Model;

namespace NetGen.Generator.Layers.Maxout;

/// <summary>Maxout's C# passes: calls into the runtime's MaxoutKernels, every size a constant.</summary>
internal sealed partial class MaxoutLayer
{
    private const string Kernels = RuntimeTypes.Internal + "MaxoutKernels";

    public override void WriteForward(CSharpLayer layer, IndentedWriter writer) =>
        writer.Line(Kernels + ".Forward(" + layer.Source + ", " + layer.Parameters(TensorRoles.Weight) + ", " + layer.ParametersOrDefault(TensorRoles.Bias) + ", " +
                    layer.Buffer(Pieces) + ", " + layer.Output + ", " + layer.Buffer(ArgMax) + ", " + Sizes(layer) + ");");

    /// <summary>The parameter gradients first: they route δ to the winning pieces, which δ below is then computed from.</summary>
    public override void WriteBackward(CSharpLayer layer, IndentedWriter writer)
    {
        writer.Line(Kernels + ".ParameterGradients(" + layer.Delta + ", " + layer.Buffer(ArgMax) + ", " + layer.Buffer(PiecesDelta) + ", " + layer.Source + ", " +
                    layer.Gradients(TensorRoles.Weight) + ", " + layer.GradientsOrDefault(TensorRoles.Bias) + ", " + Sizes(layer) + ");");
        if (layer.InputDelta != "default")
        {
            writer.Line(Kernels + ".InputGradient(" + layer.Buffer(PiecesDelta) + ", " + layer.Parameters(TensorRoles.Weight) + ", " + layer.InputDelta + ", " +
                        Sizes(layer) + ");");
        }
    }

    private static string Sizes(CSharpLayer layer) =>
        "batchSize, " + Literals.Int(layer.Plan.InputSize) + ", " + Literals.Int(Options(layer.Plan).Units) + ", " + Literals.Int(Options(layer.Plan).Pieces);
}
