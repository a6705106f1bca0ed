using System;
using System.Linq;
using NetGen.Generator.Model;

namespace NetGen.Generator.Tests;

/// <summary>The generator reads enum arguments as integers, so its private copies must match the public enums exactly.</summary>
public sealed class MirroredEnumTests
{
    public static TheoryData<Type, Type> MirroredPairs => new()
    {
        { typeof(ActivationKind), typeof(NetGen.Activation) },
        { typeof(LossKind), typeof(NetGen.Loss) },
        { typeof(ReductionKind), typeof(NetGen.LossReduction) },
        { typeof(InitializerKind), typeof(NetGen.Initializer) },
        { typeof(AccuracyKind), typeof(NetGen.AccuracyKind) },
    };

    [Theory]
    [MemberData(nameof(MirroredPairs))]
    public void GeneratorEnumMatchesPublicEnumNameForNameAndValueForValue(Type mirror, Type original)
    {
        Assert.Equal(Members(original), Members(mirror));
        Assert.Equal(Enum.GetUnderlyingType(original), Enum.GetUnderlyingType(mirror));
    }

    private static string[] Members(Type enumType) =>
        Enum.GetNames(enumType)
            .Select(name => name + " = " + Convert.ToInt64(Enum.Parse(enumType, name), System.Globalization.CultureInfo.InvariantCulture))
            .ToArray();
}
