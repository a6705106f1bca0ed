using NetGen;

namespace NetGen.Samples.Sequences;

// The adding problem's networks: one per cell and sequence length, since a network's shapes are fixed when it is built.
// Each reads T steps of (value, marker) into 32 units and predicts the sum from the last hidden state alone.

/// <summary>The adding problem over 10 steps with an Elman network (tanh) of 32 units.</summary>
[Network(Loss = Loss.MeanSquaredError)]
[Input(10, AddingProblem.Features, Sequence = true)]
[SimpleRnn(AddingProblem.Units, Name = "Recurrent")]
[Dense(1, Name = "Sum")]
public partial class AddingRnn10;

/// <summary>The adding problem over 10 steps with an LSTM of 32 units.</summary>
[Network(Loss = Loss.MeanSquaredError)]
[Input(10, AddingProblem.Features, Sequence = true)]
[Lstm(AddingProblem.Units, Name = "Recurrent")]
[Dense(1, Name = "Sum")]
public partial class AddingLstm10;

/// <summary>The adding problem over 10 steps with a GRU of 32 units.</summary>
[Network(Loss = Loss.MeanSquaredError)]
[Input(10, AddingProblem.Features, Sequence = true)]
[Gru(AddingProblem.Units, Name = "Recurrent")]
[Dense(1, Name = "Sum")]
public partial class AddingGru10;

/// <summary>The adding problem over 30 steps with an Elman network (tanh) of 32 units.</summary>
[Network(Loss = Loss.MeanSquaredError)]
[Input(30, AddingProblem.Features, Sequence = true)]
[SimpleRnn(AddingProblem.Units, Name = "Recurrent")]
[Dense(1, Name = "Sum")]
public partial class AddingRnn30;

/// <summary>The adding problem over 30 steps with an LSTM of 32 units.</summary>
[Network(Loss = Loss.MeanSquaredError)]
[Input(30, AddingProblem.Features, Sequence = true)]
[Lstm(AddingProblem.Units, Name = "Recurrent")]
[Dense(1, Name = "Sum")]
public partial class AddingLstm30;

/// <summary>The adding problem over 30 steps with a GRU of 32 units.</summary>
[Network(Loss = Loss.MeanSquaredError)]
[Input(30, AddingProblem.Features, Sequence = true)]
[Gru(AddingProblem.Units, Name = "Recurrent")]
[Dense(1, Name = "Sum")]
public partial class AddingGru30;

/// <summary>The adding problem over 50 steps with an Elman network (tanh) of 32 units.</summary>
[Network(Loss = Loss.MeanSquaredError)]
[Input(50, AddingProblem.Features, Sequence = true)]
[SimpleRnn(AddingProblem.Units, Name = "Recurrent")]
[Dense(1, Name = "Sum")]
public partial class AddingRnn50;

/// <summary>The adding problem over 50 steps with an LSTM of 32 units.</summary>
[Network(Loss = Loss.MeanSquaredError)]
[Input(50, AddingProblem.Features, Sequence = true)]
[Lstm(AddingProblem.Units, Name = "Recurrent")]
[Dense(1, Name = "Sum")]
public partial class AddingLstm50;

/// <summary>The adding problem over 50 steps with a GRU of 32 units.</summary>
[Network(Loss = Loss.MeanSquaredError)]
[Input(50, AddingProblem.Features, Sequence = true)]
[Gru(AddingProblem.Units, Name = "Recurrent")]
[Dense(1, Name = "Sum")]
public partial class AddingGru50;
