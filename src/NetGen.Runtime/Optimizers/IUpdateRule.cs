namespace NetGen.Optimizers;

/// <summary>
/// An optimizer's per-element update, written once over <see cref="IFloatLanes{TSelf}"/> so that
/// <see cref="UpdateJob{TRule}"/> runs the same formula on every vector width and on the tail. Implementations are
/// structs holding the step's scalars, so the JIT compiles the driver's loop once per rule with the rule inlined.
/// </summary>
internal interface IUpdateRule
{
    /// <summary>How many state buffers (0, 1 or 2) the rule reads and writes alongside the parameters.</summary>
    static abstract int StateBufferCount { get; }

    /// <summary>
    /// Updates <paramref name="parameter"/> and the rule's state in place from the already transformed
    /// <paramref name="gradient"/>. State the rule does not keep is zero and its new value is discarded.
    /// </summary>
    void Update<TLanes>(ref TLanes parameter, TLanes gradient, ref TLanes firstState, ref TLanes secondState)
        where TLanes : struct, IFloatLanes<TLanes>;
}
