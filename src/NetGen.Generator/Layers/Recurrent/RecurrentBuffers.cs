using System.Collections.Generic;
using NetGen.Generator.Model;

namespace NetGen.Generator.Layers.Recurrent;

/// <summary>
/// The buffers a recurrent layer works in beside a and δ, per sample (T steps, G gates, H units); the runtime's
/// RecurrentKernels documents what each holds and checks their lengths.
/// </summary>
internal static class RecurrentBuffers
{
    /// <summary>x·W_ihᵀ + b_ih at every step (T·G·H); in the backward pass, the input side of the gate deltas.</summary>
    public const string Projections = "projections";

    /// <summary>What each step's backward needs: the Elman cell's z (T·H), the LSTM's i, f, g, o and the GRU's r, z, n and W_hn·h + b_hn (T·4H).</summary>
    public const string Gates = "gates";

    /// <summary>The hidden states with the zero state before the first step, (T+1)·H, and the LSTM's cell states after them.</summary>
    public const string States = "states";

    /// <summary>The GRU's recurrent side of the gate deltas (T·3H), which differs from the input side in the n gate by r.</summary>
    public const string GateDeltas = "gate_deltas";

    /// <summary>One step's work on the CPU: h·W_hhᵀ and the carried ∂L/∂h and ∂L/∂c, (G+2)·H.</summary>
    public const string Step = "step";

    public static IEnumerable<PlannedBuffer> For(LayerKind cell, int steps, int gates, int units)
    {
        var stateSets = cell == LayerKind.Lstm ? 2 : 1;
        var gateValues = cell == LayerKind.SimpleRnn ? 1 : 4;
        yield return new PlannedBuffer(Projections, BufferElement.Float, Product(steps, gates, units));
        yield return new PlannedBuffer(Gates, BufferElement.Float, Product(steps, gateValues, units));
        yield return new PlannedBuffer(States, BufferElement.Float, Product(stateSets, steps + 1, units));
        if (cell == LayerKind.Gru)
        {
            yield return new PlannedBuffer(GateDeltas, BufferElement.Float, Product(steps, gates, units));
        }

        yield return new PlannedBuffer(Step, BufferElement.Float, Product(gates + 2, units));
    }

    private static int Product(params int[] factors) => Shape.Product(new EquatableArray<int>(factors));
}
