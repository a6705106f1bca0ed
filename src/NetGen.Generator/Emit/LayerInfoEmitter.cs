using NetGen.Generator.Layers;
using NetGen.Generator.Model;

namespace NetGen.Generator.Emit;

/// <summary>
/// Writes <c>INetwork.Layers</c>: one runtime <c>NetGen.LayerInfo</c> per planned layer in a static array, each kind's
/// type and options given by its descriptor's <see cref="PlannedLayerDescriptor.Info"/>.
/// </summary>
internal static class LayerInfoEmitter
{
    public const string Field = "s_layers";

    public static void WriteField(IndentedWriter writer, NetworkPlan plan)
    {
        writer.Line("private static readonly global::NetGen.LayerInfo[] " + Field + " =");
        writer.Line("{");
        foreach (var layer in plan.Layers)
        {
            writer.Line("    " + New(layer) + ",");
        }

        writer.Line("};");
    }

    /// <summary>The layer's tensor of <paramref name="role"/> in the generated <c>Layers</c> class, or "null" when it has none.</summary>
    public static string Tensor(PlannedLayer layer, string role) =>
        layer.Tensor(role) is null ? "null" : "Layers." + Literals.LayerClass(layer.Name) + "." + role;

    /// <summary>A <c>NetGen.LayerActivation</c>: the function, its α where it takes one, and PReLU's learned slopes.</summary>
    public static string Activation(PlannedLayer layer, ActivationChoice activation)
    {
        if (activation.Kind == ActivationKind.Identity)
        {
            return "global::NetGen.LayerActivation.Identity";
        }

        var learned = layer.Tensor(TensorRoles.Alpha) is null ? string.Empty : ", " + Tensor(layer, TensorRoles.Alpha);
        var alpha = activation.Alpha is { } value ? ", " + Literals.Float(value) : learned.Length > 0 ? ", 0f" : string.Empty;
        return "new global::NetGen.LayerActivation(global::NetGen.Activation." + activation.Kind + alpha + learned + ")";
    }

    public static string Kind(LayerKind kind) => "global::NetGen.LayerKind." + kind;

    private static string New(PlannedLayer layer)
    {
        var (type, arguments) = LayerCatalog.For(layer).Info(layer);
        return "new global::NetGen." + type + "(" + Literals.String(layer.Name) + ", new[] { " + Literals.Shape(layer.InputShape.Dimensions) +
               " }, new[] { " + Literals.Shape(layer.OutputShape.Dimensions) + " }" + (arguments.Length == 0 ? string.Empty : ", " + arguments) + ")";
    }
}
