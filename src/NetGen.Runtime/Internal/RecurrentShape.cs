using System;
using System.ComponentModel;

namespace NetGen.Internal;

/// <summary>The cell of a recurrent layer.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum RecurrentCell
{
    /// <summary>Elman's cell: h_t = f(W_ih x_t + b_ih + W_hh h_{t−1} + b_hh), one gate.</summary>
    SimpleRnn,

    /// <summary>Long short-term memory: gates i, f, g, o in PyTorch's order, a hidden and a cell state.</summary>
    Lstm,

    /// <summary>Gated recurrent unit: gates r, z, n in PyTorch's order.</summary>
    Gru,
}

/// <summary>
/// The sizes of one recurrent layer over sequences of <see cref="Steps"/> steps of <see cref="Features"/> features,
/// with <see cref="Units"/> hidden units: weights W_ih [G·H, F] and W_hh [G·H, H], biases [G·H], in PyTorch's layout
/// and gate order, where G is <see cref="Gates"/> and H <see cref="Units"/>. The per-sample sizes of the buffers
/// <see cref="RecurrentKernels"/> takes are given here; a buffer holds batch × its per-sample size floats.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class RecurrentShape
{
    /// <summary>Checks and keeps the sizes of a layer.</summary>
    /// <param name="cell">The cell.</param>
    /// <param name="steps">T, the steps of each sequence; at least 1.</param>
    /// <param name="features">F, the features of each step; at least 1.</param>
    /// <param name="units">H, the hidden units; at least 1.</param>
    /// <param name="returnSequences">Whether the layer outputs h_t at every step ([T, H] per sample) or only at the last ([H]).</param>
    /// <param name="truncation">k for truncated backpropagation through time: no gradient flows from step t to step t − 1
    /// where t is a positive multiple of k, as if the state were detached between chunks of k steps. 0 for full
    /// backpropagation through time; at least 0.</param>
    /// <exception cref="ArgumentException">A size is less than 1, the truncation is negative, the cell is unknown, or a
    /// buffer of one sample would hold more than <see cref="int.MaxValue"/> floats.</exception>
    public RecurrentShape(RecurrentCell cell, int steps, int features, int units, bool returnSequences, int truncation)
    {
        Gates = cell switch
        {
            RecurrentCell.SimpleRnn => 1,
            RecurrentCell.Lstm => 4,
            RecurrentCell.Gru => 3,
            _ => throw new ArgumentException($"Unknown recurrent cell {cell}.", nameof(cell)),
        };
        RequirePositive(steps, nameof(steps));
        RequirePositive(features, nameof(features));
        RequirePositive(units, nameof(units));
        if (truncation < 0)
        {
            throw new ArgumentException($"truncation must be at least 0 (0 for full backpropagation through time), not {truncation}.", nameof(truncation));
        }

        long gateUnits = (long)Gates * units;
        RequireFits(steps * gateUnits, "The projections");
        RequireFits(2L * (steps + 1) * units, "The states");
        RequireFits(steps * 4L * units, "The gates");
        RequireFits(gateUnits * features, "The input weight");
        RequireFits(gateUnits * units, "The recurrent weight");
        RequireFits((long)steps * features, "The input");
        RequireFits((Gates + 2L) * units, "The step buffer");

        Cell = cell;
        Steps = steps;
        Features = features;
        Units = units;
        ReturnSequences = returnSequences;
        Truncation = truncation;
    }

    /// <summary>The cell.</summary>
    public RecurrentCell Cell { get; }

    /// <summary>T, the steps of each sequence.</summary>
    public int Steps { get; }

    /// <summary>F, the features of each step.</summary>
    public int Features { get; }

    /// <summary>H, the hidden units.</summary>
    public int Units { get; }

    /// <summary>Whether the output is h_t at every step, [T, H] per sample, or h_{T−1} alone, [H].</summary>
    public bool ReturnSequences { get; }

    /// <summary>k of truncated backpropagation through time; 0 for full.</summary>
    public int Truncation { get; }

    /// <summary>G, the gates: 1 for SimpleRnn, 4 for LSTM, 3 for GRU.</summary>
    public int Gates { get; }

    /// <summary>G·H, the rows of the weights and the length of a bias.</summary>
    public int GateUnits => Gates * Units;

    /// <summary>Floats per input sample: T·F.</summary>
    public int InputSize => Steps * Features;

    /// <summary>Floats per output sample: T·H with <see cref="ReturnSequences"/>, else H.</summary>
    public int OutputSize => ReturnSequences ? Steps * Units : Units;

    /// <summary>Floats in W_ih: G·H·F.</summary>
    public int InputWeightLength => GateUnits * Features;

    /// <summary>Floats in W_hh: G·H·H.</summary>
    public int RecurrentWeightLength => GateUnits * Units;

    /// <summary>Floats in b_ih and in b_hh: G·H.</summary>
    public int BiasLength => GateUnits;

    /// <summary>Floats per sample of the projections buffer: T·G·H.</summary>
    public int ProjectionSize => Steps * GateUnits;

    /// <summary>Floats per sample of the gates buffer: T·H for SimpleRnn, T·4H for LSTM and GRU.</summary>
    public int GateSize => Steps * GateStride;

    /// <summary>Floats per sample of the states buffer: (T + 1)·H, twice that for LSTM (hidden and cell states).</summary>
    public int StateSize => (Cell == RecurrentCell.Lstm ? 2 : 1) * (Steps + 1) * Units;

    /// <summary>Floats per sample of the gate-delta buffer: T·3H for GRU, 0 for the other cells.</summary>
    public int GateDeltaSize => Cell == RecurrentCell.Gru ? Steps * GateUnits : 0;

    /// <summary>Floats per sample of the step buffer: (G + 2)·H.</summary>
    public int StepSize => (Gates + 2) * Units;

    /// <summary>Floats per step and sample in the gates buffer: H for SimpleRnn, 4H for LSTM and GRU.</summary>
    internal int GateStride => Cell == RecurrentCell.SimpleRnn ? Units : 4 * Units;

    /// <summary>Whether truncation stops the gradient flowing from step <paramref name="step"/> to the step before it.</summary>
    internal bool CutsBefore(int step) => Truncation > 0 && step % Truncation == 0;

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Cell}(steps {Steps}, features {Features}, units {Units}, {(ReturnSequences ? "sequences" : "last step")}" +
        (Truncation > 0 ? $", truncation {Truncation})" : ")");

    private static void RequirePositive(int value, string name)
    {
        if (value < 1)
        {
            throw new ArgumentException($"{name} must be at least 1, not {value}.", name);
        }
    }

    private static void RequireFits(long floats, string what)
    {
        if (floats > int.MaxValue)
        {
            throw new ArgumentException($"{what} of one sample would hold {floats} floats, more than {int.MaxValue}.");
        }
    }
}
