using System;

namespace NetGen.Optimizers;

/// <summary>
/// Resilient backpropagation, iRPROP− (Igel and Hüsken 2000; PyTorch <c>Rprop</c>, FANN's default training algorithm):
/// each parameter keeps its own step Δ and moves by it against the sign of its gradient; the size of the gradient is
/// never used. Per element, with g_prev the gradient of the previous step (0 at first) and Δ starting at Δ0:
/// if g·g_prev &gt; 0, Δ ← min(Δ·η+, Δmax); if g·g_prev &lt; 0, Δ ← max(Δ·η−, Δmin) and g ← 0 (no step this time, and the
/// gradient is forgotten); then θ ← θ − sign(g)·Δ and g_prev ← g.
/// </summary>
/// <remarks>
/// <para>
/// RPROP is meant for full-batch training of small networks (XOR and the like): its steps follow the sign of the
/// whole training set's gradient, which the noise of mini-batches flips at random.
/// </para>
/// <para>
/// <see cref="Optimizer.LearningRate"/> is Δ0, the step every parameter starts with. It is read only where a parameter's
/// step is still at its start (and, with <see cref="MinStepSize"/> 0, where the step has shrunk to 0), so a learning-rate
/// schedule does not change the steps RPROP has adapted; PyTorch likewise reads <c>lr</c> only on the first step. Every
/// step is clamped to [Δmin, Δmax], as PyTorch clamps it.
/// </para>
/// <para>
/// The steps are kept with 0 standing for Δ0, so that zeroed state (a new optimizer's, or the CUDA backend's after a
/// reset) starts at Δ0 on the CPU and the GPU alike. A step cannot reach 0 unless Δmin is 0 and repeated sign changes
/// shrink it below the smallest float; it then starts again from Δ0 instead of freezing its parameter for good, as
/// PyTorch's would (FANN floors the previous step at 0.0001 for the same reason).
/// </para>
/// <para>
/// FANN's defaults differ from PyTorch's, which NetGen follows: FANN starts at Δ0 = 0.1 (<c>rprop_delta_zero</c>) with
/// Δmin = 0; η+ = 1.2, η− = 0.5 and Δmax = 50 are the same. Its implementation also grows the step when either gradient
/// is 0 and steps even where the gradient is 0, where PyTorch and NetGen leave Δ and θ as they are.
/// </para>
/// </remarks>
public sealed class Rprop : Optimizer
{
    private float[] _previousGradient = [];
    private float[] _stepSize = [];
    private UpdateJob<RpropRule>? _updateJob;

    /// <param name="learningRate">Δ0, the initial step of every parameter; positive, finite and in [Δmin, Δmax].</param>
    /// <param name="etaMinus">η−, the factor that shrinks a step after the gradient changes sign; in (0, 1).</param>
    /// <param name="etaPlus">η+, the factor that grows a step while the gradient keeps its sign; above 1 and finite.</param>
    /// <param name="minStepSize">Δmin, the smallest step; zero or positive, and at most Δmax.</param>
    /// <param name="maxStepSize">Δmax, the largest step; positive and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException">A hyper-parameter is outside its range; the message says which.</exception>
    public Rprop(float learningRate = 0.01f, float etaMinus = 0.5f, float etaPlus = 1.2f, float minStepSize = 1e-6f, float maxStepSize = 50f)
        : base(learningRate)
    {
        if (!(etaMinus > 0f && etaMinus < 1f))
        {
            throw new ArgumentOutOfRangeException(
                nameof(etaMinus), etaMinus, "etaMinus (η−, the factor a step shrinks by after a sign change) must be in (0, 1).");
        }

        if (!(etaPlus > 1f && float.IsFinite(etaPlus)))
        {
            throw new ArgumentOutOfRangeException(
                nameof(etaPlus), etaPlus, "etaPlus (η+, the factor a step grows by while the sign holds) must be above 1 and finite.");
        }

        HyperParameter.RequireNonNegativeFinite(minStepSize, nameof(minStepSize));
        HyperParameter.RequirePositiveFinite(maxStepSize, nameof(maxStepSize));
        if (minStepSize > maxStepSize)
        {
            throw new ArgumentOutOfRangeException(
                nameof(minStepSize), minStepSize, $"minStepSize (Δmin) must not exceed maxStepSize (Δmax = {Format(maxStepSize)}).");
        }

        if (learningRate < minStepSize || learningRate > maxStepSize)
        {
            throw new ArgumentOutOfRangeException(
                nameof(learningRate), learningRate,
                $"learningRate (the initial step Δ0) must be in [minStepSize, maxStepSize] = [{Format(minStepSize)}, {Format(maxStepSize)}].");
        }

        EtaMinus = etaMinus;
        EtaPlus = etaPlus;
        MinStepSize = minStepSize;
        MaxStepSize = maxStepSize;
    }

    /// <summary>η−, the factor a step shrinks by after the gradient changes sign.</summary>
    public float EtaMinus { get; }

    /// <summary>η+, the factor a step grows by while the gradient keeps its sign.</summary>
    public float EtaPlus { get; }

    /// <summary>Δmin, the smallest step.</summary>
    public float MinStepSize { get; }

    /// <summary>Δmax, the largest step.</summary>
    public float MaxStepSize { get; }

    /// <inheritdoc/>
    public override string Name => "Rprop";

    /// <inheritdoc/>
    protected override string DescribeHyperParameters()
        => $"η−={Format(EtaMinus)}, η+={Format(EtaPlus)}, Δmin={Format(MinStepSize)}, Δmax={Format(MaxStepSize)}";

    /// <inheritdoc/>
    protected override void InitializeState(int length)
    {
        _previousGradient = new float[length];
        _stepSize = new float[length]; // 0 stands for Δ0 (see RpropRule)
    }

    /// <inheritdoc/>
    protected override void Update(Span<float> parameters, ReadOnlySpan<float> gradients, GradientTransform gradientTransform)
        => (_updateJob ??= new UpdateJob<RpropRule>()).Update(
            new RpropRule(LearningRate, EtaMinus, EtaPlus, MinStepSize, MaxStepSize), gradientTransform, parameters, gradients,
            _previousGradient, _stepSize);
}
