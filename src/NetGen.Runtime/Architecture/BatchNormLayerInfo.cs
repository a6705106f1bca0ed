namespace NetGen;

/// <summary>
/// Batch normalisation per feature of a vector or per channel of an image (a matrix is one channel). Inference computes
/// γ·(x − running mean) / √(running variance + ε) + β, then the activation.
/// </summary>
public sealed class BatchNormLayerInfo : LayerInfo
{
    /// <summary>Describes a batch normalisation layer; the generator writes these.</summary>
    public BatchNormLayerInfo(
        string name, int[] inputShape, int[] outputShape, LayerActivation activation, ParameterTensor gamma, ParameterTensor beta,
        StateTensor runningMean, StateTensor runningVariance, float momentum, float epsilon)
        : base(name, LayerKind.BatchNorm, inputShape, outputShape, [gamma, beta], [runningMean, runningVariance])
    {
        Activation = activation;
        Gamma = gamma;
        Beta = beta;
        RunningMean = runningMean;
        RunningVariance = runningVariance;
        Momentum = momentum;
        Epsilon = epsilon;
    }

    /// <summary>The activation applied after the normalisation.</summary>
    public LayerActivation Activation { get; }

    /// <summary>γ, the learned scale of each feature.</summary>
    public ParameterTensor Gamma { get; }

    /// <summary>β, the learned shift of each feature.</summary>
    public ParameterTensor Beta { get; }

    /// <summary>The running mean of each feature, which inference normalises with.</summary>
    public StateTensor RunningMean { get; }

    /// <summary>The running (unbiased) variance of each feature, which inference normalises with.</summary>
    public StateTensor RunningVariance { get; }

    /// <summary>How far a training step moves the running statistics towards the batch's.</summary>
    public float Momentum { get; }

    /// <summary>ε, added to the variance under the square root.</summary>
    public float Epsilon { get; }
}
