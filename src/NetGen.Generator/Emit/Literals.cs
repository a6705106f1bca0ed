using System.Globalization;
using System.Linq;
using NetGen.Generator.Model;

namespace NetGen.Generator.Emit;

/// <summary>C# literals and names used by the emitters.</summary>
internal static class Literals
{
    /// <summary>A name as C# source: keywords get an @.</summary>
    public static string Identifier(string name) =>
        Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(name) != Microsoft.CodeAnalysis.CSharp.SyntaxKind.None ? "@" + name : name;

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Long(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Float(double value) => ((float)value).ToString("R", CultureInfo.InvariantCulture) + "f";

    public static string String(string value) =>
        "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n") + "\"";

    public static string Shape(EquatableArray<int> shape) => string.Join(", ", shape.Select(Int));

    /// <summary>The first <paramref name="count"/> floats of an array field, as a span.</summary>
    public static string Prefix(string field, string count) => "new global::System.Span<float>(" + field + ", 0, " + count + ")";

    public static string PreActivationField(PlannedLayer layer) =>
        !layer.Layer.HasActivation || layer.Layer.Activation == ActivationKind.Identity ? OutputField(layer) : "_z_" + layer.Name;

    public static string ArgMaxField(PlannedLayer layer) => "_argMax_" + layer.Name;

    public static string ShapeField(PlannedLayer layer) => "s_shape_" + layer.Name;

    /// <summary>The runtime's shape type for a spatial layer, or null for the others.</summary>
    public static string? ShapeType(PlannedLayer layer) => layer.Kind switch
    {
        LayerKind.Conv2D => "global::NetGen.Cpu.Conv2DShape",
        LayerKind.MaxPool2D or LayerKind.AvgPool2D => "global::NetGen.Cpu.Pool2DShape",
        _ => null,
    };

    /// <summary>Constructor arguments of the shape: channels, height, width, then filters and kernel (convolution) or the window (pooling), stride, padding.</summary>
    public static string ShapeArguments(PlannedLayer layer) =>
        string.Join(", ", new[] { layer.InputShape[0], layer.InputShape[1], layer.InputShape[2] }
            .Concat(layer.Kind == LayerKind.Conv2D ? new[] { layer.OutputShape[0], layer.Window } : new[] { layer.Window })
            .Concat(new[] { layer.Stride, layer.Padding })
            .Select(Int));

    public static string OutputField(PlannedLayer layer) => "_a_" + layer.Name;

    public static string DeltaField(PlannedLayer layer) => "_delta_" + layer.Name;

    /// <summary>The runtime struct that implements an element-wise activation, or null for the row-wise and learned ones.</summary>
    public static string? ActivationStruct(PlannedLayer layer) => layer.Layer.Activation switch
    {
        ActivationKind.Identity => "default(global::NetGen.Cpu.IdentityActivation)",
        ActivationKind.BinaryStep => "default(global::NetGen.Cpu.BinaryStepActivation)",
        ActivationKind.Sigmoid => "default(global::NetGen.Cpu.SigmoidActivation)",
        ActivationKind.Tanh => "default(global::NetGen.Cpu.TanhActivation)",
        ActivationKind.ArcTan => "default(global::NetGen.Cpu.ArcTanActivation)",
        ActivationKind.ReLU => "default(global::NetGen.Cpu.ReluActivation)",
        ActivationKind.LeakyReLU => "new global::NetGen.Cpu.LeakyReluActivation(" + Float(layer.Alpha) + ")",
        ActivationKind.ELU => "new global::NetGen.Cpu.EluActivation(" + Float(layer.Alpha) + ")",
        ActivationKind.SoftPlus => "default(global::NetGen.Cpu.SoftPlusActivation)",
        _ => null,
    };
}
