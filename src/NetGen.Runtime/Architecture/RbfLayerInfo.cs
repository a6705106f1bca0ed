namespace NetGen;

/// <summary>Radial basis functions: φⱼ = exp(−‖x − cⱼ‖² / (2σⱼ²)) with σⱼ = exp(sⱼ), the centres shaped [units, inputs].</summary>
public sealed class RbfLayerInfo : LayerInfo
{
    /// <summary>Describes an RBF layer; the generator writes these.</summary>
    public RbfLayerInfo(string name, int[] inputShape, int[] outputShape, ParameterTensor center, ParameterTensor logWidth)
        : base(name, LayerKind.Rbf, inputShape, outputShape, [center, logWidth], [])
    {
        Center = center;
        LogWidth = logWidth;
    }

    /// <summary>The centres, shaped [units, inputs]: row j is cⱼ.</summary>
    public ParameterTensor Center { get; }

    /// <summary>The log-widths sⱼ = ln σⱼ, one per unit.</summary>
    public ParameterTensor LogWidth { get; }
}
