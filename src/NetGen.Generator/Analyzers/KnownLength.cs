using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace NetGen.Generator.Analyzers;

/// <summary>The number of elements a buffer expression has, when the build can tell.</summary>
internal static class KnownLength
{
    /// <summary>
    /// The length of an array creation with a constant size or an initializer, or of a collection expression
    /// without spreads, seen through conversions (an array becomes a span without changing its length).
    /// Null for anything else: a variable, a method's result, a spread, a negative size the compiler rejects.
    /// </summary>
    public static int? Of(IOperation? value)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        return value switch
        {
            IArrayCreationOperation creation => OfArrayCreation(creation),
            ICollectionExpressionOperation collection => OfCollectionExpression(collection),
            _ => null,
        };
    }

    private static int? OfArrayCreation(IArrayCreationOperation creation)
    {
        if (creation.DimensionSizes.Length != 1)
        {
            return null;
        }

        if (creation.DimensionSizes[0].ConstantValue is { HasValue: true, Value: var size })
        {
            return size switch
            {
                int length and >= 0 => length,
                long length and >= 0 and <= int.MaxValue => (int)length,
                _ => null,
            };
        }

        return creation.Initializer is { } initializer ? initializer.ElementValues.Length : null;
    }

    private static int? OfCollectionExpression(ICollectionExpressionOperation collection)
    {
        foreach (var element in collection.Elements)
        {
            if (element is ISpreadOperation)
            {
                return null;
            }
        }

        return collection.Elements.Length;
    }
}
