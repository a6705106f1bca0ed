using NetGen.Generator.Emit;
using NetGen.Generator.Model;

namespace NetGen.Generator.Layers.BatchNorm;

/// <summary>Batch normalisation's C# passes: calls into the runtime's BatchNormKernels with the layer's shape as a static field.</summary>
internal sealed partial class BatchNormLayer
{
    private const string Kernels = RuntimeTypes.Internal + "BatchNormKernels";

    public override (string Type, string Arguments)? CpuShape(PlannedLayer layer) =>
        (RuntimeTypes.Internal + "BatchNormShape",
         Literals.Int(Features(layer.InputShape)) + ", " + Literals.Int(Positions(layer.InputShape)) + ", " + Literals.Float(Options(layer).Momentum) + ", " +
         Literals.Float(Options(layer).Epsilon));

    public override void WriteForward(CSharpLayer layer, IndentedWriter writer)
    {
        writer.Line(Kernels + ".Statistics(" + layer.Source + ", " + layer.Buffer(Mean) + ", " + layer.Buffer(ReciprocalStandardDeviation) + ", " +
                    layer.State(TensorRoles.RunningMean) + ", " + layer.State(TensorRoles.RunningVariance) + ", batchSize, " + layer.ShapeField + ", " + layer.Training + ");");
        writer.Line(Kernels + ".Forward(" + layer.Source + ", " + layer.Buffer(Normalized) + ", " + layer.PreActivation + ", " + layer.Output + ", " +
                    layer.Buffer(Mean) + ", " + layer.Buffer(ReciprocalStandardDeviation) + ", " + layer.Parameters(TensorRoles.Gamma) + ", " +
                    layer.Parameters(TensorRoles.Beta) + ", batchSize, " + layer.ShapeField + ", " + layer.ActivationStruct + ");");
    }

    public override void WriteBackward(CSharpLayer layer, IndentedWriter writer)
    {
        writer.Line(Kernels + ".ParameterGradients(" + layer.Delta + ", " + layer.Buffer(Normalized) + ", " + layer.Gradients(TensorRoles.Gamma) + ", " +
                    layer.Gradients(TensorRoles.Beta) + ", batchSize, " + layer.ShapeField + ");");
        if (layer.InputDelta != "default")
        {
            writer.Line(Kernels + ".InputGradient(" + layer.Delta + ", " + layer.Buffer(Normalized) + ", " + layer.Parameters(TensorRoles.Gamma) + ", " +
                        layer.Buffer(ReciprocalStandardDeviation) + ", " + layer.Gradients(TensorRoles.Gamma) + ", " + layer.Gradients(TensorRoles.Beta) + ", " +
                        layer.InputDelta + ", batchSize, " + layer.ShapeField + ");");
        }
    }
}
