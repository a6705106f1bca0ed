using NetGen.Generator.Emit;

namespace NetGen.Generator.Layers.Dropout;

/// <summary>Dropout's C# passes: calls into the runtime's DropoutKernels with the network's seed, the training step and the layer's stream.</summary>
internal sealed partial class DropoutLayer
{
    private const string Kernels = RuntimeTypes.Internal + "DropoutKernels";

    public override void WriteForward(CSharpLayer layer, IndentedWriter writer) =>
        writer.Line(Kernels + ".Forward(" + layer.Source + ", " + layer.Output + ", batchSize * " + Literals.Int(layer.Plan.OutputSize) + ", " + DropMask.CSharp(layer, Options(layer.Plan).Rate) + ", " +
                    layer.Training + ");");

    public override void WriteBackward(CSharpLayer layer, IndentedWriter writer)
    {
        if (layer.InputDelta != "default")
        {
            writer.Line(Kernels + ".InputGradient(" + layer.Delta + ", " + layer.InputDelta + ", batchSize * " + Literals.Int(layer.Plan.OutputSize) + ", " +
                        DropMask.CSharp(layer, Options(layer.Plan).Rate) + ");");
        }
    }
}
