namespace NetGen;

/// <summary>How <see cref="GradientCheck.Run"/> probes a network: which elements, how far, and how errors are scaled.</summary>
public sealed record GradientCheckOptions
{
    /// <summary>
    /// Tensors with at most this many elements are checked whole; larger ones at this many elements drawn without
    /// repetition from <see cref="SampleSeed"/>. Each element costs four training-mode loss evaluations.
    /// </summary>
    public int MaxElementsPerTensor { get; init; } = 256;

    /// <summary>Seeds the choice of elements in tensors larger than <see cref="MaxElementsPerTensor"/>.</summary>
    public int SampleSeed { get; init; } = 1;

    /// <summary>
    /// The finite-difference step, relative to the parameter: θ moves by Step · max(1, |θ|) each way. The loss is a
    /// float, so its rounding error (about 1e-7 · |L|) divided by the step grows as the step shrinks, while the central
    /// difference's truncation error (about step² · L‴ / 6) grows as it widens; 2e-3 keeps both near 1e-5 for losses
    /// and curvatures near 1. Scaling with |θ| keeps the step well above the float spacing of large parameters.
    /// </summary>
    public double Step { get; init; } = 2e-3;

    /// <summary>
    /// The smallest denominator of the relative error |a − n| / max(|a|, |n|, floor), as a fraction of the loss:
    /// floor = Floor · max(1, |L|). The loss is a float, so the numeric gradient carries noise of about |L| · 1e-7 / h
    /// whatever the gradient's size; gradients below the floor are compared absolutely rather than drowned in it.
    /// </summary>
    public double Floor { get; init; } = 1e-2;

    /// <summary>
    /// Each element is probed at h and at h/2. On a smooth loss the one-sided slopes' gap halves with the step and the
    /// central difference barely moves; where the gap stays whole, or the central difference moves by more than this
    /// share (beyond the loss's rounding noise), a kink lies within the step: no derivative exists there to compare
    /// with (ReLU at 0, a max-pool tie, or any unit of any sample of the batch crossing such a point). Those elements
    /// are reported among <see cref="GradientCheckReport.Kinks"/> and left out of <see cref="GradientCheckReport.Passed"/>.
    /// </summary>
    public double KinkTolerance { get; init; } = 0.02;
}
