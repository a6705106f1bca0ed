using NetGen.Generator.Emit;
using NetGen.Generator.Model;

namespace NetGen.Generator.Layers.Recurrent;

/// <summary>The recurrent layer's C# passes: calls into the runtime's RecurrentKernels with the layer's sizes as a static RecurrentShape.</summary>
internal sealed partial class RecurrentLayer
{
    private const string Kernels = RuntimeTypes.Internal + "RecurrentKernels";

    public override (string Type, string Arguments)? CpuShape(PlannedLayer layer)
    {
        var options = Options(layer);
        var input = layer.InputShape;
        return (RuntimeTypes.Internal + "RecurrentShape",
            RuntimeTypes.Internal + "RecurrentCell." + Kind + ", " + Literals.Ints(input.Steps, input.Features, options.Units) + ", " +
            (options.ReturnSequences ? "true" : "false") + ", " + Literals.Int(options.Bptt));
    }

    public override void WriteForward(CSharpLayer layer, IndentedWriter writer) =>
        writer.Line(Kernels + ".Forward(" + layer.ShapeField + ", " + layer.Source + ", " + Weights(layer) + ", " +
                    layer.ParametersOrDefault(TensorRoles.InputBias) + ", " + layer.ParametersOrDefault(TensorRoles.RecurrentBias) + ", " +
                    layer.Buffer(RecurrentBuffers.Projections) + ", " + layer.Buffer(RecurrentBuffers.Gates) + ", " + layer.Buffer(RecurrentBuffers.States) + ", " +
                    layer.Buffer(RecurrentBuffers.Step) + ", " + layer.Output + ", batchSize, " + CellActivation(layer) + ");");

    public override void WriteBackward(CSharpLayer layer, IndentedWriter writer) =>
        writer.Line(Kernels + ".Backward(" + layer.ShapeField + ", " + layer.Source + ", " + Weights(layer) + ", " +
                    layer.ParametersOrDefault(TensorRoles.RecurrentBias) + ", " +
                    layer.Buffer(RecurrentBuffers.Projections) + ", " + layer.Buffer(RecurrentBuffers.Gates) + ", " + layer.Buffer(RecurrentBuffers.States) + ", " +
                    (Kind == LayerKind.Gru ? layer.Buffer(RecurrentBuffers.GateDeltas) : "default") + ", " + layer.Buffer(RecurrentBuffers.Step) + ", " +
                    layer.Delta + ", " + layer.Gradients(TensorRoles.InputWeight) + ", " + layer.Gradients(TensorRoles.RecurrentWeight) + ", " +
                    layer.GradientsOrDefault(TensorRoles.InputBias) + ", " + layer.GradientsOrDefault(TensorRoles.RecurrentBias) + ", " +
                    layer.InputDelta + ", batchSize, " + CellActivation(layer) + ");");

    private static string Weights(CSharpLayer layer) => layer.Parameters(TensorRoles.InputWeight) + ", " + layer.Parameters(TensorRoles.RecurrentWeight);

    /// <summary>The Elman cell's f as the runtime struct; LSTM and GRU ignore the argument (their activation reads identity).</summary>
    private static string CellActivation(CSharpLayer layer)
    {
        var activation = Options(layer.Plan).Activation;
        return Activations.ActivationCatalog.For(activation.Kind).CpuStructValue(activation.AlphaOrZero);
    }
}
