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

/// <summary>
/// A layer with its inferred shapes. Offsets and lengths index the network's flat parameter buffer; a
/// length of 0 means "none". Window, stride and padding are resolved for convolution and pooling (0 elsewhere).
/// </summary>
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
    InitializerKind Initializer,
    int Window = 0,
    int Stride = 0,
    int Padding = 0)
{
    /// <summary>Weights' fan-in and fan-out, for initialisation: inputs × window area and outputs × window area.</summary>
    public int FanIn => Kind == LayerKind.Conv2D ? InputShape[0] * Window * Window : InputSize;

    public int FanOut => Kind == LayerKind.Conv2D ? OutputShape[0] * Window * Window : OutputSize;

    /// <summary>The weight tensor's shape: [units, inputs] or [filters, channels, kernel, kernel].</summary>
    public EquatableArray<int> WeightShape => Kind == LayerKind.Conv2D
        ? new EquatableArray<int>(new[] { OutputShape[0], InputShape[0], Window, Window })
        : new EquatableArray<int>(new[] { OutputSize, InputSize });

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
