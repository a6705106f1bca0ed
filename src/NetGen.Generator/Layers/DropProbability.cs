using System.Globalization;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Model;
using NetGen.Generator.Parsing;

namespace NetGen.Generator.Layers;

/// <summary>The probability of dropping something in a training step (a value for dropout, a weight for DropConnect): in [0, 1).</summary>
internal static class DropProbability
{
    /// <summary>
    /// <paramref name="value"/> where it lies in [0, 1); otherwise NG0023 at <paramref name="location"/>, showing the option as
    /// <paramref name="label"/> and the value ("rate 1", "DropConnect = 1"), and 0. A missing value (null) is 0.
    /// </summary>
    public static double Checked(LayerArguments arguments, double? value, SourceLocation? location, string label, string dropped)
    {
        if (value is not { } given)
        {
            return 0;
        }

        if (given >= 0 && given < 1)
        {
            return given;
        }

        arguments.Report(DiagnosticDescriptors.DropProbabilityOutOfRange, location, arguments.Kind, arguments.Name,
            label + given.ToString("R", CultureInfo.InvariantCulture), dropped);
        return 0;
    }
}
