namespace NetGen;

/// <summary>
/// A recurrent layer over a sequence (<see cref="LayerKind.SimpleRnn"/>, <see cref="LayerKind.Lstm"/> or <see cref="LayerKind.Gru"/>),
/// its tensors laid out as PyTorch's <c>nn.RNN</c>, <c>nn.LSTM</c> and <c>nn.GRU</c> lay them out.
/// </summary>
public sealed class RecurrentLayerInfo : LayerInfo
{
    /// <summary>Describes a recurrent layer; the generator writes these.</summary>
    public RecurrentLayerInfo(
        string name, int[] inputShape, int[] outputShape, LayerKind kind, LayerActivation activation, int units, bool returnSequences, int truncation,
        ParameterTensor inputWeight, ParameterTensor recurrentWeight, ParameterTensor? inputBias, ParameterTensor? recurrentBias)
        : base(name, kind, inputShape, outputShape, [inputWeight, recurrentWeight, inputBias, recurrentBias], [])
    {
        Activation = activation;
        Units = units;
        ReturnSequences = returnSequences;
        Truncation = truncation;
        InputWeight = inputWeight;
        RecurrentWeight = recurrentWeight;
        InputBias = inputBias;
        RecurrentBias = recurrentBias;
    }

    /// <summary>The Elman cell's activation (tanh by default); identity for LSTM and GRU, whose nonlinearities are fixed.</summary>
    public LayerActivation Activation { get; }

    /// <summary>The size of the hidden state.</summary>
    public int Units { get; }

    /// <summary>Whether the output is the hidden state at every step (steps × units) or at the last step only (units).</summary>
    public bool ReturnSequences { get; }

    /// <summary>The steps of truncated backpropagation through time, or 0 for the whole sequence.</summary>
    public int Truncation { get; }

    /// <summary>W_ih, shaped [gates × units, features] (PyTorch's weight_ih_l0).</summary>
    public ParameterTensor InputWeight { get; }

    /// <summary>W_hh, shaped [gates × units, units] (PyTorch's weight_hh_l0).</summary>
    public ParameterTensor RecurrentWeight { get; }

    /// <summary>b_ih (bias_ih_l0), or null for a layer declared with <c>Bias = false</c>.</summary>
    public ParameterTensor? InputBias { get; }

    /// <summary>b_hh (bias_hh_l0), or null for a layer declared with <c>Bias = false</c>.</summary>
    public ParameterTensor? RecurrentBias { get; }
}
