using NetGen;

namespace NetGen.CudaEmulation.Tests.Networks;

/// <summary>
/// An Elman layer (tanh) returning its last step under a sigmoid output. It is the first layer with parameters, so no δ
/// below; 8 units give a block 32 samples' worth of gate rows, capped at 16 samples (batch 129 leaves one in the last block).
/// </summary>
[Network(Loss = Loss.MeanSquaredError)]
[Input(6, 3, Sequence = true)]
[SimpleRnn(8, Name = "Elman")]
[Dense(3, Name = "Output", Activation = Activation.Sigmoid)]
public partial class ElmanNet;

/// <summary>
/// An Elman layer (ELU, α read from the catalog) returning every step as the output, BPTT truncated to 3 of 7 steps (the
/// last chunk is short), under a per-step dense layer below it that feeds it 4 features a step.
/// </summary>
[Network(Loss = Loss.MeanSquaredError, Reduction = LossReduction.Sum)]
[Input(7, 2, Sequence = true)]
[Dense(4, Name = "Embed", PerStep = true, Activation = Activation.SoftPlus)]
[SimpleRnn(5, Name = "Elman", ReturnSequences = true, Bptt = 3, Activation = Activation.ELU)]
public partial class ElmanTruncatedNet;

/// <summary>An LSTM returning its last step under softmax logits, the first layer with parameters.</summary>
[Network(Loss = Loss.SoftmaxCrossEntropy)]
[Input(5, 4, Sequence = true)]
[Lstm(7, Name = "Memory")]
[Dense(4, Name = "Logits")]
public partial class LstmNet;

/// <summary>An LSTM returning every step under a per-step sigmoid layer, the binary cross-entropy scoring every value.</summary>
[Network(Loss = Loss.BinaryCrossEntropy)]
[Input(6, 3, Sequence = true)]
[Lstm(6, Name = "Memory", ReturnSequences = true)]
[Dense(2, Name = "PerStep", PerStep = true, Activation = Activation.Sigmoid)]
public partial class LstmSequenceNet;

/// <summary>
/// An LSTM of 70 units (280 gate rows: more than a block has threads, one sample per block) over a per-step ReLU layer of
/// 130 units, whose derivative the LSTM's δ below fuses.
/// </summary>
[Network(Loss = Loss.MeanSquaredError)]
[Input(4, 5, Sequence = true)]
[Dense(130, Name = "Embed", PerStep = true, Activation = Activation.ReLU)]
[Lstm(70, Name = "Memory")]
[Dense(2, Name = "Output")]
public partial class WideLstmNet;

/// <summary>A GRU returning its last step under a tanh layer, without biases anywhere in the GRU.</summary>
[Network(Loss = Loss.MeanSquaredError)]
[Input(6, 3, Sequence = true)]
[Gru(9, Name = "Encoder", Bias = false)]
[Dense(2, Name = "Output", Activation = Activation.Tanh)]
public partial class GruNet;

/// <summary>A GRU returning every step as the output, BPTT truncated to 2 steps, the mean absolute error over all of them.</summary>
[Network(Loss = Loss.MeanAbsoluteError)]
[Input(5, 3, Sequence = true)]
[Gru(5, Name = "Encoder", ReturnSequences = true, Bptt = 2)]
public partial class GruSequenceNet;

/// <summary>
/// Every cell stacked: a GRU into an Elman layer (ReLU, no bias) into a per-step tanh layer into an LSTM truncated to 3 of 6
/// steps, under softmax logits; δ below crosses a recurrent layer twice and a per-step dense layer (tanh' fused) once.
/// </summary>
[Network(Loss = Loss.SoftmaxCrossEntropy)]
[Input(6, 3, Sequence = true)]
[Gru(5, Name = "Encoder", ReturnSequences = true)]
[SimpleRnn(4, Name = "Elman", ReturnSequences = true, Activation = Activation.ReLU, Bias = false)]
[Dense(3, Name = "PerStep", PerStep = true, Activation = Activation.Tanh)]
[Lstm(7, Name = "Memory", Bptt = 3)]
[Dense(2, Name = "Logits")]
public partial class StackedRecurrentNet;
