using System.Globalization;
using System.Linq;
using System.Text;

namespace NetGen.Samples.VanishingGradient;

/// <summary>The experiment's per-layer norms as a text table, with the last-to-first ratio of each stack.</summary>
public static class NormTable
{
    public static string Format(ExperimentResult result)
    {
        var text = new StringBuilder();
        text.AppendLine("layer      ‖∂L/∂W‖ sigmoid   ‖∂L/∂W‖ ReLU");
        foreach (var (sigmoid, relu) in result.Sigmoid.Zip(result.Relu))
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{sigmoid.Layer,-9}  {sigmoid.Norm,15:0.000e+00}   {relu.Norm,12:0.000e+00}"));
        }

        text.Append(string.Create(CultureInfo.InvariantCulture,
            $"last layer / first layer: sigmoid {ExperimentResult.LastToFirstRatio(result.Sigmoid):N0}×, ReLU {ExperimentResult.LastToFirstRatio(result.Relu):N1}×"));
        return text.ToString();
    }
}
