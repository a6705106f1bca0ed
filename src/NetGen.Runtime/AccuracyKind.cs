namespace NetGen;

/// <summary>How the runtime scores a prediction against its target.</summary>
public enum AccuracyKind
{
    /// <summary>No accuracy: a regression output.</summary>
    None = 0,

    /// <summary>One probability output: right when prediction and target fall on the same side of 0.5.</summary>
    Threshold,

    /// <summary>Several outputs: right when the largest output is where the target's largest value is.</summary>
    ArgMax,
}
