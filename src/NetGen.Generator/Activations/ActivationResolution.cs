using System;
using System.Globalization;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Inference;
using NetGen.Generator.Model;

namespace NetGen.Generator.Activations;

/// <summary>Resolves a layer's activation options at planning: α and its default, and the initializer that suits the activation.</summary>
internal static class ActivationResolution
{
    /// <summary>The activation with the α the layer uses (null when the activation takes none); an α set where none is taken, or not a finite float, is reported.</summary>
    public static ActivationChoice Resolve(LayerPlanning planning, ActivationChoice choice)
    {
        var defaultAlpha = ActivationCatalog.For(choice.Kind).DefaultAlpha;
        if (choice.Alpha is not { } alpha)
        {
            return choice with { Alpha = defaultAlpha };
        }

        if (defaultAlpha is null)
        {
            planning.Report(DiagnosticDescriptors.OptionNotTaken, planning.Layer.Kind, planning.Layer.Name, "Alpha", "activation " + choice.Kind);
            return choice with { Alpha = null };
        }

        if (FloatRange.Problem(alpha) is { } problem)
        {
            planning.Report(DiagnosticDescriptors.InvalidAlpha, planning.Layer.Kind, planning.Layer.Name,
                alpha.ToString("R", CultureInfo.InvariantCulture), problem);
            return choice with { Alpha = defaultAlpha };
        }

        return choice;
    }

    /// <summary>The declared initializer, or by default the one that suits the activation (He for the ReLU family, Xavier otherwise).</summary>
    public static InitializerKind Initializer(InitializerKind declared, ActivationChoice activation) =>
        declared != InitializerKind.Default ? declared : ActivationCatalog.For(activation.Kind).DefaultInitializer;
}
