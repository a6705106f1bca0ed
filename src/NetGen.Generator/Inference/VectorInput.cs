using NetGen.Generator.Diagnostics;
using NetGen.Generator.Model;

namespace NetGen.Generator.Inference;

/// <summary>The check of layers that take a vector: a sequence gets its own diagnostic (NG0033), any other shape NG0010.</summary>
internal static class VectorInput
{
    public static void Check(LayerPlanning planning, bool canApplyPerStep = false)
    {
        var input = planning.Input;
        if (input.Kind == ShapeKind.Sequence)
        {
            var fixes = (planning.PreviousKind is LayerKind.SimpleRnn or LayerKind.Lstm or LayerKind.Gru
                            ? "give '" + planning.PreviousName + "' ReturnSequences = false (its last step only) or insert [Flatten]"
                            : "insert [Flatten]") +
                        (canApplyPerStep ? ", or set PerStep = true to apply the layer at every step" : string.Empty);
            planning.Report(DiagnosticDescriptors.SequenceIntoVectorLayer, planning.Layer.Kind, planning.Layer.Name, planning.PreviousName, input, fixes);
        }
        else if (input.Kind != ShapeKind.Vector)
        {
            planning.Report(DiagnosticDescriptors.LayerNeedsVector, planning.Layer.Kind, planning.Layer.Name, planning.PreviousName, input);
        }
    }
}
