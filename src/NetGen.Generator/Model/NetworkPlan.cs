namespace NetGen.Generator.Model;

/// <summary>A network after shape inference: every layer's shapes and its slices of the parameter buffer.</summary>
internal sealed record NetworkPlan(
    NetworkModel Network,
    EquatableArray<int> InputShape,
    int InputSize,
    int OutputSize,
    int ParameterCount,
    AccuracyKind Accuracy,
    EquatableArray<PlannedLayer> Layers,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    public bool CanEmit => !Network.HasCompilerErrors && !HasErrors;

    public bool HasErrors
    {
        get
        {
            foreach (var diagnostic in Diagnostics)
            {
                if (IsError(diagnostic))
                {
                    return true;
                }
            }

            return false;
        }
    }

    private static bool IsError(DiagnosticInfo diagnostic) =>
        NetGen.Generator.Diagnostics.DiagnosticDescriptors.ById(diagnostic.DescriptorId).DefaultSeverity ==
        Microsoft.CodeAnalysis.DiagnosticSeverity.Error;
}

/// <summary>How the runtime scores predictions (mirrors NetGen.AccuracyKind).</summary>
internal enum AccuracyKind
{
    None = 0,
    Threshold,
    ArgMax,
}

/// <summary>A layer with its inferred shapes. Offsets and lengths index the network's flat parameter buffer; a length of 0 means "none".</summary>
internal sealed record PlannedLayer(
    LayerModel Layer,
    EquatableArray<int> InputShape,
    EquatableArray<int> OutputShape,
    int WeightOffset,
    int WeightLength,
    int BiasOffset,
    int BiasLength,
    int AlphaOffset,
    int AlphaLength,
    double Alpha,
    InitializerKind Initializer)
{
    public int InputSize => Product(InputShape);

    public int OutputSize => Product(OutputShape);

    public int ParameterCount => WeightLength + BiasLength + AlphaLength;

    public string Name => Layer.Name;

    public LayerKind Kind => Layer.Kind;

    private static int Product(EquatableArray<int> shape)
    {
        var product = 1;
        foreach (var dimension in shape)
        {
            product *= dimension;
        }

        return product;
    }
}
