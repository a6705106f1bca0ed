using NetGen.Generator.Activations;
using NetGen.Generator.Emit;
using NetGen.Generator.Model;

namespace NetGen.Generator.Layers.Dense;

/// <summary>The dense layer's C# passes: calls into the runtime's DenseKernels, every size a constant.</summary>
internal sealed partial class DenseLayer
{
    private const string Kernels = RuntimeTypes.Internal + "DenseKernels";

    public override void WriteForward(CSharpLayer layer, IndentedWriter writer)
    {
        var weights = layer.Parameters(TensorRoles.Weight);
        if (Options(layer.Plan).DropsConnections)
        {
            writer.Line(DropConnect.DeclareWeights(layer));
            weights = DropConnect.WeightLocal(layer);
        }

        var bias = layer.ParametersOrDefault(TensorRoles.Bias);
        var buffers = layer.PreActivation + ", " + layer.Output + ", " + Sizes(layer);
        switch (layer.Activation.Form)
        {
            case ActivationForm.RowWise:
                writer.Line(Kernels + ".ForwardSoftmax(" + layer.Source + ", " + weights + ", " + bias + ", " + buffers + ");");
                break;
            case ActivationForm.Learned:
                writer.Line(Kernels + ".ForwardPRelu(" + layer.Source + ", " + weights + ", " + bias + ", " + layer.Parameters(TensorRoles.Alpha) + ", " + buffers + ");");
                break;
            case ActivationForm.Identity:
            case ActivationForm.Elementwise:
            case ActivationForm.Noisy:
                writer.Line(Kernels + ".Forward(" + layer.Source + ", " + weights + ", " + bias + ", " + buffers + ", " + layer.ActivationStruct + ");");
                break;
            default:
                throw new System.NotSupportedException("No dense forward for activation form " + layer.Activation.Form);
        }
    }

    /// <summary>With DropConnect, ∂L/∂W is masked as the weights were, and δ below is δ·(M ∘ W) / (1 − p), read from the forward pass's masked weights.</summary>
    public override void WriteBackward(CSharpLayer layer, IndentedWriter writer)
    {
        var dropsConnections = Options(layer.Plan).DropsConnections;
        writer.Line(Kernels + ".ParameterGradients(" + layer.Delta + ", " + layer.Source + ", " + layer.Gradients(TensorRoles.Weight) + ", " +
                    layer.GradientsOrDefault(TensorRoles.Bias) + ", " + Sizes(layer) + ");");
        if (dropsConnections)
        {
            writer.Line(DropConnect.MaskWeightGradient(layer));
        }

        if (layer.InputDelta != "default")
        {
            var weights = dropsConnections ? layer.Buffer(DropConnect.MaskedWeight) : layer.Parameters(TensorRoles.Weight);
            writer.Line(Kernels + ".InputGradient(" + layer.Delta + ", " + weights + ", " + layer.InputDelta + ", " + Sizes(layer) + ");");
        }
    }

    /// <summary>Rows, inputs and units of the products: a per-step layer treats each step of each sample as a row.</summary>
    private static string Sizes(CSharpLayer layer) =>
        (RowsPerSample(layer.Plan) == 1 ? "batchSize" : "batchSize * " + Literals.Int(RowsPerSample(layer.Plan))) + ", " +
        Literals.Int(Inputs(layer.Plan)) + ", " + Literals.Int(Units(layer.Plan));
}
