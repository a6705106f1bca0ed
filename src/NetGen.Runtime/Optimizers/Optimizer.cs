using System;
using System.Globalization;
using System.Text;
using NetGen.Internal;

namespace NetGen.Optimizers;

/// <summary>
/// A first-order optimizer that updates one contiguous parameter buffer in place from a gradient
/// buffer of the same length (the whole network's parameters live in one buffer).
/// </summary>
/// <remarks>
/// Each <see cref="Step"/> makes at most two passes over the gradients: a norm pass when
/// <see cref="ClipNorm"/> is on, then one fused update pass in which the gradient transform
/// (norm-clipping scale, value clamp, L2 and L1 decay) and the optimizer's rule are applied element by element.
/// The optimizer's state is allocated on the first step; later steps allocate nothing.
/// <see cref="Step"/> does not check the gradients for NaN or infinity; <see cref="Trainer.Fit"/> does, before each step
/// (see <see cref="TrainingOptions.NonFiniteBatches"/>).
/// </remarks>
public abstract class Optimizer
{
    private const int NoState = -1;

    private float _learningRate;
    private readonly float _weightDecay;
    private readonly float _l1Decay;
    private readonly float _clipNorm;
    private readonly float _clipValue;
    private int _stateLength = NoState;

    /// <param name="learningRate">η; positive and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="learningRate"/> is not positive and finite.</exception>
    protected Optimizer(float learningRate)
    {
        _learningRate = HyperParameter.RequirePositiveFinite(learningRate, nameof(learningRate));
    }

    /// <summary>η; positive and finite. Settable between steps, for learning-rate schedules.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive and finite.</exception>
    public float LearningRate
    {
        get => _learningRate;
        set => _learningRate = HyperParameter.RequirePositiveFinite(value, nameof(LearningRate));
    }

    /// <summary>
    /// Weight decay λ ≥ 0. Classic L2 decay (PyTorch's <c>weight_decay</c>): the gradient used is g + λ·θ.
    /// <see cref="AdamW"/> decouples it instead: θ ← θ − η·λ·θ.
    /// </summary>
    public float WeightDecay
    {
        get => _weightDecay;
        init => _weightDecay = HyperParameter.RequireNonNegativeFinite(value, nameof(WeightDecay));
    }

    /// <summary>
    /// L1 regularization λ₁ ≥ 0 (default 0, off): the gradient used gains λ₁·sign(θ), with sign(0) = 0, after
    /// clipping and beside the L2 term: g′ = clamp(s·g, −c, c) + λ₂·θ + λ₁·sign(θ). It applies to every optimizer,
    /// <see cref="AdamW"/> included, whose decoupled decay is only <see cref="WeightDecay"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or not finite.</exception>
    public float L1Decay
    {
        get => _l1Decay;
        init => _l1Decay = HyperParameter.RequireNonNegativeFinite(value, nameof(L1Decay));
    }

    /// <summary>
    /// Maximum L2 norm of the whole gradient buffer; 0 turns norm clipping off. When ‖g‖ &gt; ClipNorm,
    /// every gradient is scaled by ClipNorm / ‖g‖ (as torch.nn.utils.clip_grad_norm_, without its 1e-6 guard),
    /// before value clipping and weight decay.
    /// </summary>
    public float ClipNorm
    {
        get => _clipNorm;
        init => _clipNorm = HyperParameter.RequireNonNegativeFinite(value, nameof(ClipNorm));
    }

    /// <summary>
    /// Bound c for clamping each gradient element to [−c, c]; 0 turns value clipping off.
    /// Applied after norm clipping and before weight decay and L1 decay.
    /// </summary>
    public float ClipValue
    {
        get => _clipValue;
        init => _clipValue = HyperParameter.RequireNonNegativeFinite(value, nameof(ClipValue));
    }

    /// <summary>Steps taken since construction or the last <see cref="Reset"/>.</summary>
    public long StepCount { get; private set; }

    /// <summary>Short name of the algorithm, e.g. "Adam".</summary>
    public abstract string Name { get; }

    /// <summary>
    /// True when <see cref="WeightDecay"/> is applied to the parameters by the derived update rule
    /// rather than added to the gradient.
    /// </summary>
    protected virtual bool DecouplesWeightDecay => false;

    /// <summary>The λ added to the gradient as classic L2 decay: <see cref="WeightDecay"/>, or 0 when decoupled.</summary>
    internal float L2WeightDecay => DecouplesWeightDecay ? 0f : WeightDecay;

    /// <summary>The bound gradients are clamped to: <see cref="ClipValue"/>, or +∞ when value clipping is off.</summary>
    internal float ClipBound => ClipValue > 0f ? ClipValue : float.PositiveInfinity;

    /// <summary>Updates <paramref name="parameters"/> in place from <paramref name="gradients"/>.</summary>
    /// <exception cref="ArgumentException">The two buffers have different lengths.</exception>
    /// <exception cref="InvalidOperationException">
    /// The length differs from the one the optimizer's state was created for; call <see cref="Reset"/> first.
    /// </exception>
    public void Step(Span<float> parameters, ReadOnlySpan<float> gradients) => StepGivenSumOfSquares(parameters, gradients, sumOfSquares: null);

    /// <summary>
    /// <see cref="Step"/> given ‖g‖² where the caller has it already
    /// (<see cref="GradientNorm.SumOfSquares"/>), so that norm clipping does not read the gradients a second time.
    /// </summary>
    internal void StepGivenSumOfSquares(Span<float> parameters, ReadOnlySpan<float> gradients, double? sumOfSquares)
    {
        if (parameters.Length != gradients.Length)
        {
            throw new ArgumentException(
                $"The parameter buffer has {Plural.Of(parameters.Length, "element")} but the gradient buffer has {gradients.Length}; they must have the same length.",
                nameof(gradients));
        }

        if (_stateLength != parameters.Length)
        {
            if (_stateLength != NoState)
            {
                throw new InvalidOperationException(
                    $"{Name}'s state was created for {Plural.Of(_stateLength, "parameter")} but this step has {parameters.Length}; call Reset() before changing the parameter count.");
            }

            InitializeState(parameters.Length);
            _stateLength = parameters.Length;
        }

        var gradientTransform = new GradientTransform(
            scale: ClipNorm > 0f ? ClipNormScale(sumOfSquares ?? GradientNorm.SumOfSquares(gradients)) : 1f,
            clipBound: ClipBound,
            l2WeightDecay: L2WeightDecay,
            l1WeightDecay: L1Decay);
        StepCount++;
        Update(parameters, gradients, gradientTransform);
    }

    /// <summary>Counts a step taken elsewhere (by a GPU kernel, whose state lives on the device) so bias corrections advance.</summary>
    internal void CountStep() => StepCount++;

    /// <summary>Takes back a <see cref="CountStep"/> whose kernel left the parameters and the state unchanged (a non-finite gradient).</summary>
    internal void UncountStep() => StepCount--;

    /// <summary>Forgets the optimizer's state and step count; the next step may use a new length.</summary>
    public void Reset()
    {
        StepCount = 0;
        _stateLength = NoState;
    }

    /// <summary>
    /// Allocates zeroed state for <paramref name="length"/> parameters. Called on the first step
    /// and on the first step after <see cref="Reset"/>.
    /// </summary>
    protected virtual void InitializeState(int length)
    {
    }

    /// <summary>
    /// The fused update pass: for each element, transforms the gradient with
    /// <paramref name="gradientTransform"/> and applies the optimizer's rule.
    /// Both buffers have the length the state was initialized for, and <see cref="StepCount"/>
    /// already counts this step (1 on the first).
    /// </summary>
    protected abstract void Update(Span<float> parameters, ReadOnlySpan<float> gradients, GradientTransform gradientTransform);

    /// <summary>Lists the rule's own hyper-parameters for <see cref="ToString"/>, e.g. "μ=0.9".</summary>
    protected virtual string DescribeHyperParameters() => string.Empty;

    /// <summary>Formats a hyper-parameter the way PyTorch prints it: "0.001", "1e-08".</summary>
    protected static string Format(float value)
        => value.ToString(CultureInfo.InvariantCulture).Replace('E', 'e');

    /// <summary>E.g. "Adam(lr=0.001, β1=0.9, β2=0.999, ε=1e-08)"; weight decay, L1 decay ("l1=…") and clipping appear when on.</summary>
    public override string ToString()
    {
        var description = new StringBuilder(Name).Append("(lr=").Append(Format(LearningRate));
        string ruleHyperParameters = DescribeHyperParameters();
        if (ruleHyperParameters.Length > 0)
        {
            description.Append(", ").Append(ruleHyperParameters);
        }

        if (WeightDecay > 0f || DecouplesWeightDecay)
        {
            description.Append(", weight_decay=").Append(Format(WeightDecay));
        }

        if (L1Decay > 0f)
        {
            description.Append(", l1=").Append(Format(L1Decay));
        }

        if (ClipNorm > 0f)
        {
            description.Append(", clip_norm=").Append(Format(ClipNorm));
        }

        if (ClipValue > 0f)
        {
            description.Append(", clip_value=").Append(Format(ClipValue));
        }

        return description.Append(')').ToString();
    }

    private float ClipNormScale(double sumOfSquares)
    {
        double norm = Math.Sqrt(sumOfSquares);
        return norm > ClipNorm ? (float)(ClipNorm / norm) : 1f;
    }
}
