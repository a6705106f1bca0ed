using NetGen.Generator.Emit;
using NetGen.Generator.Model;

namespace NetGen.Generator.Layers.Conv2D;

/// <summary>The convolution's C# passes: calls into the runtime's Conv2DKernels with the layer's shape as a static field.</summary>
internal sealed partial class Conv2DLayer
{
    private const string Kernels = RuntimeTypes.Internal + "Conv2DKernels";

    public override (string Type, string Arguments)? CpuShape(PlannedLayer layer)
    {
        var options = Options(layer);
        var input = layer.InputShape;
        return (RuntimeTypes.Internal + "Conv2DShape",
            Literals.Ints(input.Channels, input.Height, input.Width, options.Filters, options.Kernel, options.Stride, options.Padding));
    }

    public override void WriteForward(CSharpLayer layer, IndentedWriter writer) =>
        writer.Line(Kernels + ".Forward(" + layer.Source + ", " + layer.Parameters(TensorRoles.Weight) + ", " + layer.ParametersOrDefault(TensorRoles.Bias) + ", " +
                    layer.PreActivation + ", " + layer.Output + ", batchSize, " + layer.ShapeField + ", " + layer.ActivationStruct + ");");

    public override void WriteBackward(CSharpLayer layer, IndentedWriter writer) =>
        writer.Line(Kernels + ".Backward(" + layer.Source + ", " + layer.Parameters(TensorRoles.Weight) + ", " + layer.Delta + ", " + layer.Gradients(TensorRoles.Weight) + ", " +
                    layer.GradientsOrDefault(TensorRoles.Bias) + ", " + layer.InputDelta + ", batchSize, " + layer.ShapeField + ");");
}
