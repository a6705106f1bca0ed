namespace NetGen;

/// <summary>
/// The activation a layer applies to its pre-activation z. <see cref="Alpha"/> is the α the layer uses (leaky ReLU's
/// slope, ELU's scale) or, for PReLU, the slope its <see cref="LearnedAlpha"/> started from; 0 for activations without one.
/// </summary>
/// <param name="Function">The activation function.</param>
/// <param name="Alpha">The activation's α, 0 when it takes none.</param>
/// <param name="LearnedAlpha">PReLU's learned slopes, one per unit; null for every other activation.</param>
public sealed record LayerActivation(Activation Function, float Alpha = 0f, ParameterTensor? LearnedAlpha = null)
{
    /// <summary>f(z) = z.</summary>
    public static LayerActivation Identity { get; } = new(Activation.Identity);
}
