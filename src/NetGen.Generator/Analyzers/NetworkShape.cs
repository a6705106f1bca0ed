using System.Linq;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Parsing;

namespace NetGen.Generator.Analyzers;

/// <summary>A network's name and sample sizes, read from the constants the generator emitted into it.</summary>
internal sealed record NetworkShape(string Name, int InputSize, int OutputSize)
{
    /// <summary>Null unless <paramref name="type"/> carries [NetGen.Network] and has positive const <c>InputSize</c> and <c>OutputSize</c> (a network with errors has neither).</summary>
    public static NetworkShape? Read(INamedTypeSymbol? type)
    {
        if (type is null || !type.GetAttributes().Any(attribute => NetworkParser.IsNetGenAttribute(attribute.AttributeClass, "NetworkAttribute")))
        {
            return null;
        }

        return PositiveConstant(type, "InputSize") is { } inputSize && PositiveConstant(type, "OutputSize") is { } outputSize
            ? new NetworkShape(type.Name, inputSize, outputSize)
            : null;
    }

    public int SampleSize(bool input) => input ? InputSize : OutputSize;

    private static int? PositiveConstant(INamedTypeSymbol type, string name) =>
        type.GetMembers(name)
            .OfType<IFieldSymbol>()
            .Where(field => field.IsConst && field.HasConstantValue)
            .Select(field => field.ConstantValue)
            .OfType<int>()
            .Where(value => value > 0)
            .Select(value => (int?)value)
            .FirstOrDefault();
}
