using NetGen.Generator.Emit;
using NetGen.Generator.Model;

namespace NetGen.Generator.Layers.Rbf;

/// <summary>The RBF layer's C# passes: calls into the runtime's RbfKernels, every size a constant.</summary>
internal sealed partial class RbfLayer
{
    private const string Kernels = RuntimeTypes.Internal + "RbfKernels";

    public override void WriteForward(CSharpLayer layer, IndentedWriter writer) =>
        writer.Line(Kernels + ".Forward(" + layer.Source + ", " + layer.Parameters(TensorRoles.Center) + ", " + layer.Parameters(TensorRoles.LogWidth) + ", " +
                    layer.Buffer(Distance) + ", " + layer.Output + ", " + Sizes(layer) + ");");

    /// <summary>The parameter gradients first: they write the scaled δ, which δ below is then computed from.</summary>
    public override void WriteBackward(CSharpLayer layer, IndentedWriter writer)
    {
        writer.Line(Kernels + ".ParameterGradients(" + layer.Delta + ", " + layer.Output + ", " + layer.Buffer(Distance) + ", " + layer.Source + ", " +
                    layer.Parameters(TensorRoles.Center) + ", " + layer.Parameters(TensorRoles.LogWidth) + ", " + layer.Buffer(KernelDelta) + ", " +
                    layer.Gradients(TensorRoles.Center) + ", " + layer.Gradients(TensorRoles.LogWidth) + ", " + Sizes(layer) + ");");
        if (layer.InputDelta != "default")
        {
            writer.Line(Kernels + ".InputGradient(" + layer.Buffer(KernelDelta) + ", " + layer.Source + ", " + layer.Parameters(TensorRoles.Center) + ", " +
                        layer.InputDelta + ", " + Sizes(layer) + ");");
        }
    }

    private static string Sizes(CSharpLayer layer) =>
        "batchSize, " + Literals.Int(layer.Plan.InputSize) + ", " + Literals.Int(Options(layer.Plan).Units);
}
