using System.Collections.Generic;

namespace NetGen.Generator.Tests.Sources;

/// <summary>Declarations as they look mid-edit: wrong types, missing arguments, nonsense values. The generator must survive them all.</summary>
internal static class HalfTypedDeclarations
{
    public static IReadOnlyDictionary<string, string> ByName { get; } = new Dictionary<string, string>
    {
        ["DenseWithoutArguments"] = Network("[Input(2)][Dense]"),
        ["DenseWithString"] = Network("[Input(2)][Dense(\"x\")]"),
        ["DenseWithTwoSizes"] = Network("[Input(2)][Dense(1, 2)]"),
        ["UnclosedDense"] = Network("[Input(2)][Dense(]"),
        ["MissingActivationValue"] = Network("[Input(2)][Dense(1, Activation = )]"),
        ["HalfTypedActivation"] = Network("[Input(2)][Dense(1, Activation = Activation.)]"),
        ["UnknownActivation"] = Network("[Input(2)][Dense(1, Activation = (Activation)99)]"),
        ["UnknownLoss"] = Network("[Input(2)][Dense(1)]", "Loss = (Loss)42"),
        ["LossAsInteger"] = Network("[Input(2)][Dense(1)]", "Loss = 3"),
        ["AlphaAsString"] = Network("[Input(2)][Dense(1, Activation = Activation.ELU, Alpha = \"x\")]"),
        ["AlphaNaN"] = Network("[Input(2)][Dense(1, Activation = Activation.ELU, Alpha = double.NaN)]"),
        ["NameNull"] = Network("[Input(2)][Dense(1, Name = null)]"),
        ["UnitsIsReadOnly"] = Network("[Input(2)][Dense(1, Units = 3)]"),
        ["NonConstantSize"] = "using NetGen; public static class Sizes { public static int Width = 3; } [Network][Input(2)][Dense(Sizes.Width)] public partial class N;",
        ["EmptyInput"] = Network("[Input()][Dense(1)]"),
        ["FourDimensionalInput"] = Network("[Input(1, 2, 3, 4)][Dense(1)]"),
        ["NegativeInput"] = Network("[Input(-1)][Dense(1)]"),
        ["IntMaxValueSizes"] = Network("[Input(int.MaxValue, int.MaxValue, int.MaxValue)][Flatten][Dense(int.MaxValue)]"),
        ["IntMaxValueDense"] = Network("[Input(int.MaxValue)][Dense(int.MaxValue)][Dense(int.MaxValue)]"),
        ["MaxoutWithOneArgument"] = Network("[Input(2)][Maxout(3)]"),
        ["MaxoutWithoutPieces"] = Network("[Input(2)][Maxout(3, )]"),
        ["MaxoutOfNegativePieces"] = Network("[Input(2)][Maxout(3, -2)]"),
        ["IntMaxValueMaxout"] = Network("[Input(2)][Maxout(int.MaxValue, int.MaxValue, Bias = false)]"),
        ["MaxoutWithActivation"] = Network("[Input(2)][Maxout(3, 2, Activation = Activation.ReLU)]"),
        ["RbfWithoutUnits"] = Network("[Input(2)][Rbf()]"),
        ["RbfOfNaNWidth"] = Network("[Input(2)][Rbf(3, Width = double.NaN)]"),
        ["RbfWithIntWidth"] = Network("[Input(2)][Rbf(3, Width = 2)]"),
        ["IntMaxValueRbf"] = Network("[Input(int.MaxValue)][Rbf(int.MaxValue)]"),
        ["RbfWithActivation"] = Network("[Input(2)][Rbf(3, Activation = Activation.ReLU)]"),
        ["DropConnectNaN"] = Network("[Input(2)][Dense(1, DropConnect = double.NaN)]"),
        ["DropConnectAsString"] = Network("[Input(2)][Dense(1, DropConnect = \"half\")]"),
        ["OnlyNetworkAttribute"] = "using NetGen; [Network] public partial class N;",
        ["NetworkOnStruct"] = "using NetGen; [Network][Input(2)][Dense(1)] public struct S { }",
        ["NetworkOnMethod"] = "using NetGen; public partial class N { [Network] void M() { } }",
        ["LayersWithoutNetwork"] = "using NetGen; [Input(2)][Dense(1)] public partial class N;",
        ["ClassWithoutName"] = "using NetGen; [Network][Input(2)][Dense(1)] public partial class",
        ["GenericNetwork"] = "using NetGen; [Network][Input(2)][Dense(1)] public partial class N<T>;",
        ["LowercaseLayerName"] = Network("[Input(2)][Dense(1, Name = \"hidden\")]"),
        ["ContextualKeywordLayerNames"] = Network("[Input(2)][Dense(2, Name = \"record\")][Dense(2, Name = \"file\")][Dense(2, Name = \"var\")][Dense(1, Name = \"scoped\")]"),
        ["AlphaBeyondFloat"] = Network("[Input(2)][Dense(1, Activation = Activation.ELU, Alpha = 1e308)]"),
        ["EpsilonBelowFloat"] = Network("[Input(2)][BatchNorm(Epsilon = 1e-50)][Dense(1)]"),
        ["PoolAfterVector"] = Network("[Input(64)][MaxPool2D(2)][Dense(1)]"),
        ["StridedPaddedConvolution"] = Network("[Input(3, 32, 32)][Conv2D(4, Kernel = 3, Stride = 2, Padding = 1)][Flatten][Dense(1)]"),
        ["NestedInGeneric"] = "using NetGen; public partial class O<T> { [Network][Input(2)][Dense(1)] public partial class N; }",
        ["CollidingConstant"] = "using NetGen; [Network][Input(2)][Dense(1)] public partial class N { public const int InputSize = 2; }",
        ["CollidingForward"] = "using NetGen; [Network][Input(2)][Dense(1)] public partial class N { public void Forward(System.ReadOnlySpan<float> a, System.Span<float> b) { } }",
        ["HalfTypedMember"] = "using NetGen; [Network][Input(2)][Dense(1)] public partial class N { public void Forward(System.ReadOnlySpan<float> a, }",
        ["UnknownAttributeNamespace"] = "[NetGen.Network][NetGen.Input(2)][NetGen.Dense(1, Activation = NetGen.Activation.Nope)] public partial class N;",
    };

    private static string Network(string layers, string networkArguments = "") =>
        "using NetGen;\n[Network(" + networkArguments + ")]" + layers + "\npublic partial class N;";
}
