namespace NetGen.Optimizers;

/// <summary>
/// <see cref="Adam"/>'s and <see cref="AdamW"/>'s update with the bias corrections folded in:
/// m ← β1·m + (1−β1)·g; v ← β2·v + (1−β2)·g²; θ ← θ·r − s·m / (√v·c + ε), with s, c and r the step's
/// <see cref="AdamStepScalars"/>. The states are m and v.
/// </summary>
internal readonly struct AdamRule : IUpdateRule
{
    private readonly float _beta1;
    private readonly float _oneMinusBeta1;
    private readonly float _beta2;
    private readonly float _oneMinusBeta2;
    private readonly float _epsilon;
    private readonly AdamStepScalars _step;

    public AdamRule(float beta1, float beta2, float epsilon, AdamStepScalars step)
    {
        _beta1 = beta1;
        _oneMinusBeta1 = 1f - beta1;
        _beta2 = beta2;
        _oneMinusBeta2 = 1f - beta2;
        _epsilon = epsilon;
        _step = step;
    }

    public static int StateBufferCount => 2;

    public void Update<TLanes>(ref TLanes parameter, TLanes gradient, ref TLanes firstMoment, ref TLanes secondMoment)
        where TLanes : struct, IFloatLanes<TLanes>
    {
        // Subnormal moments become zero. A parameter whose gradient stays zero (a weight from an always-black MNIST
        // border pixel) has moments that shrink geometrically into the subnormal range, where x86 arithmetic takes a
        // slow path (.NET cannot set the flush-to-zero mode): an MNIST MLP step took 3× longer after a few epochs.
        // Flushing such a moment changes its parameter by less than 1e-30.
        firstMoment = TLanes.FlushSubnormalsToZero(_beta1 * firstMoment + _oneMinusBeta1 * gradient);
        secondMoment = TLanes.FlushSubnormalsToZero(_beta2 * secondMoment + _oneMinusBeta2 * gradient * gradient);
        TLanes denominator = TLanes.Sqrt(secondMoment) * _step.InverseSqrtSecondCorrection + _epsilon;
        parameter = parameter * _step.RetainedFraction - _step.StepSize * firstMoment / denominator;
    }
}
