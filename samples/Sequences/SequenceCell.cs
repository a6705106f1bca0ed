using System;

namespace NetGen.Samples.Sequences;

/// <summary>The recurrent cells the sample compares.</summary>
public enum SequenceCell
{
    /// <summary>The Elman network, [SimpleRnn] with tanh: one matrix product per step, nothing to protect the gradient.</summary>
    Rnn,

    /// <summary>Long short-term memory, [Lstm]: a cell state changed only by gated addition.</summary>
    Lstm,

    /// <summary>The gated recurrent unit, [Gru]: the new state interpolates between the old one and a candidate.</summary>
    Gru,
}

/// <summary>The cells' names on the command line and in the sample's output.</summary>
public static class SequenceCells
{
    /// <summary>In the order the sample's tables list them.</summary>
    public static readonly SequenceCell[] All = [SequenceCell.Rnn, SequenceCell.Lstm, SequenceCell.Gru];

    /// <summary>The command line's name: rnn, lstm or gru.</summary>
    public static string OptionName(this SequenceCell cell) => cell switch
    {
        SequenceCell.Rnn => "rnn",
        SequenceCell.Lstm => "lstm",
        SequenceCell.Gru => "gru",
        _ => throw new ArgumentOutOfRangeException(nameof(cell), cell, null),
    };

    /// <summary>The DSL's name of the layer: SimpleRnn, Lstm or Gru.</summary>
    public static string LayerName(this SequenceCell cell) => cell switch
    {
        SequenceCell.Rnn => "SimpleRnn",
        SequenceCell.Lstm => "Lstm",
        SequenceCell.Gru => "Gru",
        _ => throw new ArgumentOutOfRangeException(nameof(cell), cell, null),
    };

    /// <summary>The cell named <paramref name="name"/> (rnn, lstm or gru, any case), or null.</summary>
    public static SequenceCell? Parse(string name) => name.ToLowerInvariant() switch
    {
        "rnn" => SequenceCell.Rnn,
        "lstm" => SequenceCell.Lstm,
        "gru" => SequenceCell.Gru,
        _ => null,
    };
}
