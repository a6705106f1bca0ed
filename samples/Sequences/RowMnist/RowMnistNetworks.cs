using NetGen;
using NetGen.Data;

namespace NetGen.Samples.Sequences;

/// <summary>
/// Row-by-row MNIST with long short-term memory: each 28×28 digit read as 28 steps of one 28-pixel row, top to bottom; the
/// LSTM's last hidden state (128 floats) is all the 10 logits see.
/// </summary>
[Network(Loss = Loss.SoftmaxCrossEntropy)]
[Input(RowMnist.Steps, RowMnist.Features, Sequence = true)]
[Lstm(RowMnist.Units, Name = "Recurrent")]
[Dense(MnistSet.Classes, Name = "Logits")]
public partial class RowMnistLstm;

/// <summary>The same reader with a gated recurrent unit of 128 units.</summary>
[Network(Loss = Loss.SoftmaxCrossEntropy)]
[Input(RowMnist.Steps, RowMnist.Features, Sequence = true)]
[Gru(RowMnist.Units, Name = "Recurrent")]
[Dense(MnistSet.Classes, Name = "Logits")]
public partial class RowMnistGru;

/// <summary>The same reader with an Elman network (tanh) of 128 units.</summary>
[Network(Loss = Loss.SoftmaxCrossEntropy)]
[Input(RowMnist.Steps, RowMnist.Features, Sequence = true)]
[SimpleRnn(RowMnist.Units, Name = "Recurrent")]
[Dense(MnistSet.Classes, Name = "Logits")]
public partial class RowMnistRnn;
