using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace NetGen.CudaEmulation.Tests.Parity;

/// <summary>
/// Compares the emulated GPU's values with the C# CPU backend's: a value passes when
/// |gpu − cpu| ≤ <see cref="RelativeTolerance"/>·max(|gpu|, |cpu|) + <see cref="AbsoluteFloor"/>. The floor covers values
/// near zero, where a sum's rounding is relative to its terms rather than to the result (the GPU fuses multiply-adds
/// and sums in another order). Collects every mismatch and the worst errors for the report.
/// </summary>
internal sealed class ParityReport
{
    /// <summary>Relative tolerance.</summary>
    public const double RelativeTolerance = 1e-5;

    /// <summary>Absolute floor for values near zero.</summary>
    public const double AbsoluteFloor = 1e-6;

    /// <summary>Values at least this large count towards the worst relative error reported (far below it, the floor dominates).</summary>
    public const double RelativeReportThreshold = 1e-3;

    private readonly List<string> _mismatches = new();
    private readonly List<string> _lines = new();
    private readonly string _subject;

    public ParityReport(string subject) => _subject = subject;

    /// <summary>The largest |gpu − cpu| / max(|gpu|, |cpu|) over values of magnitude ≥ <see cref="RelativeReportThreshold"/>.</summary>
    public double WorstRelativeError { get; private set; }

    /// <summary>The largest |gpu − cpu| / (tolerance·max + floor): at most 1 when everything passes.</summary>
    public double WorstToleranceUse { get; private set; }

    public int Compared { get; private set; }

    /// <summary>Compares element by element; <paramref name="name"/> names element i in messages (e.g. its parameter tensor).</summary>
    public void Compare(string quantity, ReadOnlySpan<float> cpu, ReadOnlySpan<float> gpu, Func<int, string>? name = null)
    {
        if (cpu.Length != gpu.Length)
        {
            _mismatches.Add($"{quantity}: the CPU has {cpu.Length} values, the emulated GPU {gpu.Length}");
            return;
        }

        double worstRelative = 0, worstUse = 0;
        var failures = 0;
        for (var i = 0; i < cpu.Length; i++)
        {
            double expected = cpu[i], actual = gpu[i];
            var magnitude = Math.Max(Math.Abs(expected), Math.Abs(actual));
            var difference = Math.Abs(actual - expected);
            var use = difference / ((RelativeTolerance * magnitude) + AbsoluteFloor);
            if (!(use <= 1.0) || double.IsNaN(actual) != double.IsNaN(expected))
            {
                failures++;
                if (failures <= 8)
                {
                    _mismatches.Add(string.Create(CultureInfo.InvariantCulture,
                        $"{quantity}[{i}]{(name is null ? string.Empty : " (" + name(i) + ")")}: CPU {expected:R}, emulated GPU {actual:R} (|Δ| = {difference:G3})"));
                }
            }

            if (!double.IsNaN(use))
            {
                worstUse = Math.Max(worstUse, use);
            }

            if (magnitude >= RelativeReportThreshold && !double.IsNaN(difference))
            {
                worstRelative = Math.Max(worstRelative, difference / magnitude);
            }
        }

        if (failures > 8)
        {
            _mismatches.Add($"{quantity}: … {failures} of {cpu.Length} values differ in all");
        }

        Compared += cpu.Length;
        WorstRelativeError = Math.Max(WorstRelativeError, worstRelative);
        WorstToleranceUse = Math.Max(WorstToleranceUse, worstUse);
        _lines.Add(string.Create(CultureInfo.InvariantCulture,
            $"  {quantity,-44} {cpu.Length,8} values  worst relative error {worstRelative:0.00e+00}  worst tolerance use {worstUse:0.000}{(failures > 0 ? $"  {failures} MISMATCHES" : string.Empty)}"));
    }

    /// <summary>Comparison lines and totals, for the test output.</summary>
    public string Summary()
    {
        var text = new StringBuilder();
        text.Append(_subject).Append(string.Create(CultureInfo.InvariantCulture,
            $": {Compared} values, worst relative error {WorstRelativeError:0.00e+00} (values ≥ {RelativeReportThreshold:G}), worst tolerance use {WorstToleranceUse:0.000} " +
            $"(tolerance {RelativeTolerance:G}·max(|a|,|b|) + {AbsoluteFloor:G})\n"));
        foreach (var line in _lines)
        {
            text.Append(line).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Fails with every mismatch found.</summary>
    public void AssertNoMismatches()
    {
        Assert.True(_mismatches.Count == 0,
            $"{_subject}: the emulated CUDA kernels disagree with the C# CPU backend beyond {RelativeTolerance:G}·max(|a|,|b|) + {AbsoluteFloor:G}:\n" +
            string.Join("\n", _mismatches));
    }

    /// <summary>"Hidden.Weight[12]" for element <paramref name="index"/> of a parameter-shaped buffer.</summary>
    public static Func<int, string> ParameterName(INetwork network) => index =>
    {
        var tensor = network.ParameterTensors.LastOrDefault(candidate => candidate.Offset <= index);
        return tensor is null ? "?" : tensor.Name + "[" + (index - tensor.Offset).ToString(CultureInfo.InvariantCulture) + "]";
    };

    /// <summary>"sample 2, output 1" for element <paramref name="index"/> of a batch of rows.</summary>
    public static Func<int, string> RowName(int width) => index =>
        string.Create(CultureInfo.InvariantCulture, $"sample {index / width}, output {index % width}");
}
