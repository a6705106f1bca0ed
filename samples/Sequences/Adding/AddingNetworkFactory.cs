using System;
using System.Collections.Generic;

namespace NetGen.Samples.Sequences;

/// <summary>The adding problem's declared networks by cell and sequence length.</summary>
public static class AddingNetworks
{
    /// <summary>The sequence lengths a network is declared for.</summary>
    public static readonly IReadOnlyList<int> Lengths = [10, 30, 50];

    /// <summary>A fresh, uninitialised network for <paramref name="cell"/> over <paramref name="length"/> steps.</summary>
    public static INetwork Create(SequenceCell cell, int length) => (cell, length) switch
    {
        (SequenceCell.Rnn, 10) => new AddingRnn10(),
        (SequenceCell.Lstm, 10) => new AddingLstm10(),
        (SequenceCell.Gru, 10) => new AddingGru10(),
        (SequenceCell.Rnn, 30) => new AddingRnn30(),
        (SequenceCell.Lstm, 30) => new AddingLstm30(),
        (SequenceCell.Gru, 30) => new AddingGru30(),
        (SequenceCell.Rnn, 50) => new AddingRnn50(),
        (SequenceCell.Lstm, 50) => new AddingLstm50(),
        (SequenceCell.Gru, 50) => new AddingGru50(),
        _ => throw new ArgumentOutOfRangeException(nameof(length), length, $"The sample declares networks for {string.Join(", ", Lengths)} steps only."),
    };
}
