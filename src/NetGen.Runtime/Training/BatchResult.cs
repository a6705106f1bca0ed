namespace NetGen;

/// <summary>
/// One batch's loss as the network reduces it, its sample count and how many of its samples were predicted right; and,
/// when the loss is finite but a gradient is not, the first such gradient (a step the back end left out).
/// </summary>
internal readonly record struct BatchResult(float Loss, int Count, int Correct)
{
    /// <summary>No result yet: a back end that returns each step's result one step late has none after an epoch's first step.</summary>
    public static BatchResult None => new(float.NaN, 0, 0);

    /// <summary>Whether this is a batch's result (every batch has a sample), not <see cref="None"/>.</summary>
    public bool IsResult => Count > 0;

    /// <summary>The index in the gradient buffer of the first NaN or ±∞ gradient; -1 when none was found or the loss was not finite.</summary>
    public int FirstNonFiniteGradient { get; init; } = -1;

    /// <summary>The value at <see cref="FirstNonFiniteGradient"/>.</summary>
    public float FirstNonFiniteGradientValue { get; init; }

    /// <summary>Whether the loss and every gradient were finite, so the step was taken.</summary>
    public bool IsFinite => float.IsFinite(Loss) && FirstNonFiniteGradient < 0;

    /// <summary>The batch's loss summed over its samples, whatever the reduction.</summary>
    public double SummedLoss(LossReduction reduction) => reduction == LossReduction.Mean ? (double)Loss * Count : Loss;
}
