using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace NetGen;

/// <summary>What <see cref="GradientCheck.Run"/> found: per parameter tensor, the worst agreement of analytic and numeric gradients.</summary>
public sealed class GradientCheckReport
{
    internal GradientCheckReport(string networkName, double loss, double floor, GradientCheckOptions options, IReadOnlyList<TensorGradientCheck> tensors)
    {
        NetworkName = networkName;
        Loss = loss;
        Floor = floor;
        Options = options;
        Tensors = tensors;
        Worst = tensors.Select(tensor => tensor.Worst).OfType<GradientCheckElement>().MaxBy(element => Severity(element.RelativeError));
    }

    /// <summary>The network checked.</summary>
    public string NetworkName { get; }

    /// <summary>The training-mode loss at the unperturbed parameters.</summary>
    public double Loss { get; }

    /// <summary>The relative error's smallest denominator: <see cref="GradientCheckOptions.Floor"/> · max(1, |<see cref="Loss"/>|).</summary>
    public double Floor { get; }

    /// <summary>The options the check ran with.</summary>
    public GradientCheckOptions Options { get; }

    /// <summary>One entry per parameter tensor, in buffer order.</summary>
    public IReadOnlyList<TensorGradientCheck> Tensors { get; }

    /// <summary>The element with the largest relative error over all tensors, kinks left out; null when nothing was compared.</summary>
    public GradientCheckElement? Worst { get; }

    /// <summary>The largest relative error over all tensors, kinks left out (NaN when a gradient was not finite).</summary>
    public double WorstRelativeError => Worst?.RelativeError ?? 0;

    /// <summary>Every probed element that sat on a kink, where the loss has no derivative to compare with.</summary>
    public IReadOnlyList<GradientCheckElement> Kinks => Tensors.SelectMany(tensor => tensor.Kinks).ToArray();

    /// <summary>How many elements were probed, kinks included.</summary>
    public int ElementsChecked => Tensors.Sum(tensor => tensor.ElementsChecked);

    /// <summary>
    /// Whether every probed element off a kink has a relative error of at most <paramref name="tolerance"/>. A gradient
    /// that is not finite fails, and so does a check that compared nothing (every probed element on a kink).
    /// </summary>
    public bool Passed(double tolerance = 1e-2) => Worst is not null && WorstRelativeError <= tolerance;

    /// <summary>A table, one row per tensor, then the overall worst element and the kinks.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine(Format(
            $"Gradient check of {NetworkName}: {ElementsChecked} elements in {Tensors.Count} tensors, loss {Loss:G6}, step {Options.Step:G3}·max(1, |θ|), floor {Floor:G3}"));
        var rows = Tensors.Select(tensor => new[]
        {
            tensor.Tensor.Name,
            "[" + string.Join(", ", tensor.Tensor.Shape) + "]",
            Format($"{tensor.ElementsChecked}/{tensor.Tensor.Length}"),
            tensor.Worst is { } worst ? Format($"{worst.RelativeError:0.0e+0}") : "-",
            tensor.Worst is null ? "-" : "[" + string.Join(", ", tensor.Worst.Coordinates) + "]",
            tensor.Worst is null ? "-" : Format($"{tensor.Worst.Analytic:G5}"),
            tensor.Worst is null ? "-" : Format($"{tensor.Worst.Numeric:G5}"),
            Format($"{tensor.Kinks.Count}"),
        }).Prepend(["tensor", "shape", "checked", "worst error", "at", "analytic", "numeric", "kinks"]).ToArray();
        var widths = Enumerable.Range(0, rows[0].Length).Select(column => rows.Max(row => row[column].Length)).ToArray();
        foreach (var row in rows)
        {
            text.AppendLine(string.Join("  ", row.Select((cell, column) => cell.PadRight(widths[column]))).TrimEnd());
        }

        text.AppendLine(Worst is null ? "Worst: nothing compared." : "Worst: " + Worst);
        foreach (var kink in Kinks)
        {
            text.AppendLine("Kink: " + kink);
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>Orders relative errors so that NaN, a gradient that is not even finite, counts as the worst.</summary>
    internal static double Severity(double relativeError) => double.IsNaN(relativeError) ? double.PositiveInfinity : relativeError;

    private static string Format(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
