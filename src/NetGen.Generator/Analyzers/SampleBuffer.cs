using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace NetGen.Generator.Analyzers;

/// <summary>An argument bound to a sample parameter whose length is known at build time.</summary>
internal sealed record SampleBuffer(SampleRole Role, int Length, Location Location)
{
    public static SampleBuffer? From(IArgumentOperation argument)
    {
        if (argument.Parameter is not { } parameter ||
            !IsFloatBuffer(parameter.Type) ||
            SampleRole.ByParameterName(parameter.Name) is not { } role ||
            KnownLength.Of(argument.Value) is not { } length)
        {
            return null;
        }

        return new SampleBuffer(role, length, argument.Syntax.GetLocation());
    }

    public int SampleSize(NetworkShape network) => network.SampleSize(Role.IsInput);

    /// <summary>float[], Span&lt;float&gt; or ReadOnlySpan&lt;float&gt;: the types the generated methods take.</summary>
    private static bool IsFloatBuffer(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Single } => true,
        INamedTypeSymbol { Name: "Span" or "ReadOnlySpan", TypeArguments.Length: 1 } span =>
            span.TypeArguments[0].SpecialType == SpecialType.System_Single &&
            span.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true },
        _ => false,
    };
}
