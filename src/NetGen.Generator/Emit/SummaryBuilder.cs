using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using NetGen.Generator.Activations;
using NetGen.Generator.Layers;
using NetGen.Generator.Model;

namespace NetGen.Generator.Emit;

/// <summary>Builds the network's Keras-style summary table at compile time.</summary>
internal static class SummaryBuilder
{
    public static string Build(NetworkPlan plan)
    {
        var rows = new List<string[]>
        {
            new[] { "Layer", "Kind", "Output shape", "Activation", "Parameters" },
            new[] { InputName(plan), "Input", plan.InputShape.ToString(), string.Empty, "0" },
        };
        rows.AddRange(plan.Layers.Select(layer => new[]
        {
            layer.Name,
            layer.Kind.ToString(),
            layer.OutputShape.ToString(),
            LayerCatalog.For(layer).SummaryActivation(layer) is { } activation ? ActivationText(activation) : string.Empty,
            layer.ParameterCount.ToString("N0", CultureInfo.InvariantCulture),
        }));

        var widths = Enumerable.Range(0, rows[0].Length).Select(column => rows.Max(row => row[column].Length)).ToArray();
        var builder = new StringBuilder();
        builder.Append("Network ").Append(plan.Network.ClassName)
            .Append(" (loss: ").Append(plan.Network.Loss)
            .Append(plan.Network.Reduction == ReductionKind.Sum ? ", summed over the batch" : ", mean over the batch")
            .Append(")\n");
        foreach (var row in rows)
        {
            for (var column = 0; column < row.Length; column++)
            {
                var cell = column == row.Length - 1 ? row[column].PadLeft(widths[column]) : row[column].PadRight(widths[column]);
                builder.Append(cell).Append(column == row.Length - 1 ? "\n" : "  ");
            }
        }

        builder.Append("Total parameters: ").Append(plan.ParameterCount.ToString("N0", CultureInfo.InvariantCulture));
        return builder.ToString();
    }

    private static string InputName(NetworkPlan plan) =>
        plan.Network.Layers.FirstOrDefault(layer => layer.Kind == LayerKind.Input)?.Name ?? "Input";

    private static string ActivationText(ActivationChoice activation) =>
        ActivationCatalog.For(activation.Kind).TakesAlpha
            ? activation.Kind + "(α=" + activation.AlphaOrZero.ToString("R", CultureInfo.InvariantCulture) + ")"
            : activation.Kind.ToString();
}
