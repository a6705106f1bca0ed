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

    public static string Float(double value) => ((float)value).ToString("R", CultureInfo.InvariantCulture) + "f";

    public static string String(string value) =>
        "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n") + "\"";

    public static string Shape(EquatableArray<int> shape) => string.Join(", ", shape.Select(Int));

    /// <summary>The first <paramref name="count"/> floats of an array field, as a span.</summary>
    public static string Prefix(string field, string count) => "new global::System.Span<float>(" + field + ", 0, " + count + ")";

    public static string PreActivationField(PlannedLayer layer) =>
        layer.Layer.Activation == ActivationKind.Identity ? OutputField(layer) : "_z_" + layer.Name;

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
