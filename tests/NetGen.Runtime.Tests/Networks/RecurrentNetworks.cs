using NetGen;

namespace NetGen.Tests.Networks;

// Small recurrent networks for the whole-network gradient checks: every cell returning its last step and every step,
// stacked, under a per-step dense layer, without biases, and the Elman cell with activations other than tanh.

/// <summary>An Elman layer (tanh) over 5 steps, its last state into a linear output.</summary>
[Network(Loss = Loss.MeanSquaredError)]
[Input(5, 3, Sequence = true)]
[SimpleRnn(4, Name = "Elman")]
[Dense(2, Name = "Output")]
public partial class ElmanNet;

/// <summary>A sigmoid Elman layer whose every step is the output, each value scored by the squared error.</summary>
[Network(Loss = Loss.MeanSquaredError, Reduction = LossReduction.Sum)]
[Input(4, 2, Sequence = true)]
[SimpleRnn(3, Name = "Elman", ReturnSequences = true, Activation = Activation.Sigmoid)]
public partial class ElmanSequenceNet;

/// <summary>A leaky-ReLU Elman layer without biases under softmax cross-entropy.</summary>
[Network(Loss = Loss.SoftmaxCrossEntropy)]
[Input(5, 3, Sequence = true)]
[SimpleRnn(4, Name = "Elman", Activation = Activation.LeakyReLU, Alpha = 0.2, Bias = false)]
[Dense(3, Name = "Logits")]
public partial class LeakyElmanNet;

/// <summary>An LSTM's last hidden state into softmax cross-entropy.</summary>
[Network(Loss = Loss.SoftmaxCrossEntropy)]
[Input(5, 3, Sequence = true)]
[Lstm(4, Name = "Memory")]
[Dense(3, Name = "Logits")]
public partial class LstmNet;

/// <summary>An LSTM returning every step into a per-step tanh dense layer: an output of 5 steps × 2.</summary>
[Network(Loss = Loss.MeanSquaredError)]
[Input(5, 3, Sequence = true)]
[Lstm(4, Name = "Memory", ReturnSequences = true)]
[Dense(2, Name = "PerStep", PerStep = true, Activation = Activation.Tanh)]
public partial class LstmSequenceNet;

/// <summary>A GRU's last hidden state into two sigmoid outputs under binary cross-entropy.</summary>
[Network(Loss = Loss.BinaryCrossEntropy)]
[Input(5, 3, Sequence = true)]
[Gru(4, Name = "Cell")]
[Dense(2, Name = "Output", Activation = Activation.Sigmoid)]
public partial class GruNet;

/// <summary>A GRU returning every step, flattened into a linear output.</summary>
[Network(Loss = Loss.MeanSquaredError)]
[Input(5, 3, Sequence = true)]
[Gru(4, Name = "Cell", ReturnSequences = true)]
[Flatten]
[Dense(2, Name = "Output")]
public partial class GruSequenceNet;

/// <summary>A GRU and an LSTM stacked, neither with biases.</summary>
[Network(Loss = Loss.MeanSquaredError)]
[Input(4, 3, Sequence = true)]
[Gru(3, Name = "Cell", ReturnSequences = true, Bias = false)]
[Lstm(3, Name = "Memory", Bias = false)]
[Dense(2, Name = "Output")]
public partial class UnbiasedRecurrentNet;

/// <summary>Every cell stacked: a GRU and an ELU Elman layer returning every step, a per-step dense layer, then an LSTM's last step.</summary>
[Network(Loss = Loss.SoftmaxCrossEntropy)]
[Input(4, 3, Sequence = true)]
[Gru(4, Name = "Encoder", ReturnSequences = true)]
[SimpleRnn(3, Name = "Elman", ReturnSequences = true, Activation = Activation.ELU)]
[Dense(3, Name = "PerStep", PerStep = true, Activation = Activation.Tanh)]
[Lstm(4, Name = "Memory")]
[Dense(2, Name = "Logits")]
public partial class StackedRecurrentNet;

/// <summary>A per-step dense layer straight on the input sequence (no recurrent layer), flattened into a linear output.</summary>
[Network(Loss = Loss.MeanSquaredError)]
[Input(4, 3, Sequence = true)]
[Dense(5, Name = "PerStep", PerStep = true, Activation = Activation.SoftPlus)]
[Flatten]
[Dense(2, Name = "Output")]
public partial class PerStepDenseNet;

/// <summary>The rows of a 28×28 image as 28 steps into an LSTM of 32 units, then 10 logits: a training step of MNIST's size.</summary>
[Network(Loss = Loss.SoftmaxCrossEntropy)]
[Input(28, 28, Sequence = true)]
[Lstm(32, Name = "Memory")]
[Dense(10, Name = "Logits")]
public partial class RowLstmNet;

/// <summary><see cref="StackedRecurrentNet"/> with the LSTM truncated to chunks of 2 steps: the same parameters, the same outputs.</summary>
[Network(Loss = Loss.SoftmaxCrossEntropy)]
[Input(4, 3, Sequence = true)]
[Gru(4, Name = "Encoder", ReturnSequences = true)]
[SimpleRnn(3, Name = "Elman", ReturnSequences = true, Activation = Activation.ELU)]
[Dense(3, Name = "PerStep", PerStep = true, Activation = Activation.Tanh)]
[Lstm(4, Name = "Memory", Bptt = 2)]
[Dense(2, Name = "Logits")]
public partial class TruncatedStackedRecurrentNet;

// The networks of Reference/pytorch_recurrent_network.py: nn.LSTM, nn.GRU or nn.RNN (batch_first) over 7 steps of 3 features
// into 5 units, then nn.Linear(5, 4), named as the PyTorch modules are ("lstm.weight_ih_l0" is Lstm.InputWeight).

/// <summary>nn.LSTM(3, 5) and nn.Linear(5, 4) under cross-entropy.</summary>
[Network(Loss = Loss.SoftmaxCrossEntropy)]
[Input(7, 3, Sequence = true)]
[Lstm(5, Name = "Lstm")]
[Dense(4, Name = "Linear")]
public partial class LstmClassifier;

/// <summary>nn.GRU(3, 5) and nn.Linear(5, 4) under cross-entropy.</summary>
[Network(Loss = Loss.SoftmaxCrossEntropy)]
[Input(7, 3, Sequence = true)]
[Gru(5, Name = "Gru")]
[Dense(4, Name = "Linear")]
public partial class GruClassifier;

/// <summary>nn.RNN(3, 5) (tanh) and nn.Linear(5, 4) under cross-entropy.</summary>
[Network(Loss = Loss.SoftmaxCrossEntropy)]
[Input(7, 3, Sequence = true)]
[SimpleRnn(5, Name = "Rnn")]
[Dense(4, Name = "Linear")]
public partial class RnnClassifier;

/// <summary>nn.RNN(3, 5, nonlinearity='relu') and nn.Linear(5, 4) under cross-entropy.</summary>
[Network(Loss = Loss.SoftmaxCrossEntropy)]
[Input(7, 3, Sequence = true)]
[SimpleRnn(5, Name = "Rnn", Activation = Activation.ReLU)]
[Dense(4, Name = "Linear")]
public partial class ReluRnnClassifier;

/// <summary><see cref="LstmClassifier"/> truncated to chunks of 4 steps (PyTorch: steps 0–3, then 4–6 from the detached state).</summary>
[Network(Loss = Loss.SoftmaxCrossEntropy)]
[Input(7, 3, Sequence = true)]
[Lstm(5, Name = "Lstm", Bptt = 4)]
[Dense(4, Name = "Linear")]
public partial class TruncatedLstmClassifier;

/// <summary><see cref="GruClassifier"/> truncated to chunks of 3 steps.</summary>
[Network(Loss = Loss.SoftmaxCrossEntropy)]
[Input(7, 3, Sequence = true)]
[Gru(5, Name = "Gru", Bptt = 3)]
[Dense(4, Name = "Linear")]
public partial class TruncatedGruClassifier;

/// <summary><see cref="RnnClassifier"/> truncated to chunks of 2 steps.</summary>
[Network(Loss = Loss.SoftmaxCrossEntropy)]
[Input(7, 3, Sequence = true)]
[SimpleRnn(5, Name = "Rnn", Bptt = 2)]
[Dense(4, Name = "Linear")]
public partial class TruncatedRnnClassifier;

/// <summary>
/// nn.GRU(3, 5) returning every step under nn.LSTM(5, 4) returning every step, truncated to chunks of 3, and nn.Linear(4, 2) at
/// every step, under the squared error of all 7 × 2 outputs.
/// </summary>
[Network(Loss = Loss.MeanSquaredError)]
[Input(7, 3, Sequence = true)]
[Gru(5, Name = "Encoder", ReturnSequences = true)]
[Lstm(4, Name = "Decoder", ReturnSequences = true, Bptt = 3)]
[Dense(2, Name = "Linear", PerStep = true)]
public partial class StackedSequenceRegressor;
