using NetGen.Generator.Emit;
using NetGen.Generator.Model;

namespace NetGen.Generator.Layers.Pool2D;

/// <summary>Pooling's C# passes: calls into the runtime's PoolingKernels with the layer's shape as a static field.</summary>
internal sealed partial class Pool2DLayer
{
    private const string Kernels = RuntimeTypes.Internal + "PoolingKernels";

    public override (string Type, string Arguments)? CpuShape(PlannedLayer layer)
    {
        var options = Options(layer);
        var input = layer.InputShape;
        return (RuntimeTypes.Internal + "Pool2DShape", Literals.Ints(input.Channels, input.Height, input.Width, options.Window, options.Stride, options.Padding));
    }

    public override void WriteForward(CSharpLayer layer, IndentedWriter writer) =>
        writer.Line(_max
            ? Kernels + ".MaxPoolForward(" + layer.Source + ", " + layer.Output + ", " + layer.Buffer(ArgMax) + ", batchSize, " + layer.ShapeField + ");"
            : Kernels + ".AvgPoolForward(" + layer.Source + ", " + layer.Output + ", batchSize, " + layer.ShapeField + ");");

    public override void WriteBackward(CSharpLayer layer, IndentedWriter writer) =>
        writer.Line(_max
            ? Kernels + ".MaxPoolInputGradient(" + layer.Delta + ", " + layer.Buffer(ArgMax) + ", " + layer.InputDelta + ", batchSize, " + layer.ShapeField + ");"
            : Kernels + ".AvgPoolInputGradient(" + layer.Delta + ", " + layer.InputDelta + ", batchSize, " + layer.ShapeField + ");");
}
