namespace NetGen;

/// <summary>One batch's loss as the network reduces it, its sample count and how many of its samples were predicted right.</summary>
internal readonly record struct BatchResult(float Loss, int Count, int Correct)
{
    /// <summary>The batch's loss summed over its samples, whatever the reduction.</summary>
    public double SummedLoss(LossReduction reduction) => reduction == LossReduction.Mean ? (double)Loss * Count : Loss;
}
