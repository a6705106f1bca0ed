using System;
using System.ComponentModel;

namespace NetGen.Internal;

/// <summary>The cell of a recurrent layer.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum RecurrentCell
{
    SimpleRnn,
    Lstm,
    Gru,
}

/// <summary>The sizes of one recurrent layer: its cell, steps T, features F, units H, whether it returns every step, and the truncation of BPTT (0 for none).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class RecurrentShape
{
    public RecurrentShape(RecurrentCell cell, int steps, int features, int units, bool returnSequences, int truncation)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(steps);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(features);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(units);
        ArgumentOutOfRangeException.ThrowIfNegative(truncation);
        Cell = cell;
        Steps = steps;
        Features = features;
        Units = units;
        ReturnSequences = returnSequences;
        Truncation = truncation;
    }

    public RecurrentCell Cell { get; }

    public int Steps { get; }

    public int Features { get; }

    public int Units { get; }

    public bool ReturnSequences { get; }

    public int Truncation { get; }

    /// <summary>G: 1 for the Elman cell, 4 for the LSTM, 3 for the GRU.</summary>
    public int Gates => Cell switch
    {
        RecurrentCell.Lstm => 4,
        RecurrentCell.Gru => 3,
        _ => 1,
    };
}
