using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Model;

namespace NetGen.Generator.Parsing;

/// <summary>Reads an enum-valued attribute argument, reporting a value outside the enum's members (a cast such as <c>(Activation)99</c> compiles).</summary>
internal static class EnumArgument
{
    public static bool TryRead<TEnum>(
        int value, string argumentName, string layerKind, string layerName, AttributeSyntax? syntax,
        List<DiagnosticInfo> diagnostics, out TEnum result)
        where TEnum : struct, Enum
    {
        if (Enum.IsDefined(typeof(TEnum), value))
        {
            result = (TEnum)(object)value;
            return true;
        }

        result = default;
        var location = syntax is null
            ? null
            : LayerArguments.NamedArgumentLocation(syntax, argumentName) ?? SourceLocation.From(syntax.GetLocation());
        diagnostics.Add(DiagnosticInfo.Create(
            DiagnosticDescriptors.UndefinedEnumValue, location,
            layerKind, layerName, argumentName, value.ToString(CultureInfo.InvariantCulture), PublicEnumName(typeof(TEnum))));
        return false;
    }

    private static string PublicEnumName(Type type) => type.Name switch
    {
        nameof(ActivationKind) => "Activation",
        nameof(LossKind) => "Loss",
        nameof(ReductionKind) => "LossReduction",
        nameof(InitializerKind) => "Initializer",
        _ => type.Name,
    };
}
