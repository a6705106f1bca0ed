using Microsoft.CodeAnalysis;

namespace NetGen.Generator.Analyzers;

/// <summary>The generated methods whose float buffers <see cref="CallSiteShapeAnalyzer"/> checks.</summary>
internal static class NetworkMethods
{
    public static bool IsChecked(IMethodSymbol method) =>
        method.Name is "Forward" or "Predict" or "ComputeLoss" or "ComputeGradients" or "TrainStep" or "Fit" or "Evaluate" or "CreateDataset";
}
