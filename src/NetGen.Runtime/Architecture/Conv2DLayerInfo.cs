namespace NetGen;

/// <summary>A 2-D convolution (NCHW): <see cref="Kernel"/>² × channels filters moved by <see cref="Stride"/> over the input padded by <see cref="Padding"/> zeros on every side.</summary>
public sealed class Conv2DLayerInfo : LayerInfo
{
    /// <summary>Describes a convolution; the generator writes these.</summary>
    public Conv2DLayerInfo(
        string name, int[] inputShape, int[] outputShape, LayerActivation activation, ParameterTensor weight, ParameterTensor? bias, int kernel, int stride, int padding)
        : base(name, LayerKind.Conv2D, inputShape, outputShape, [weight, bias], [])
    {
        Activation = activation;
        Weight = weight;
        Bias = bias;
        Kernel = kernel;
        Stride = stride;
        Padding = padding;
    }

    /// <summary>The activation applied to the convolution plus bias.</summary>
    public LayerActivation Activation { get; }

    /// <summary>The filters, shaped [filters, channels, kernel, kernel].</summary>
    public ParameterTensor Weight { get; }

    /// <summary>One bias per filter, or null for a layer declared with <c>Bias = false</c>.</summary>
    public ParameterTensor? Bias { get; }

    /// <summary>The kernel's height and width.</summary>
    public int Kernel { get; }

    /// <summary>The step between windows, down and across.</summary>
    public int Stride { get; }

    /// <summary>Zeros added on each side, top, bottom, left and right.</summary>
    public int Padding { get; }
}
