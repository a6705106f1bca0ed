using System;
using System.Collections.Generic;
using System.Linq;

namespace NetGen;

/// <summary>
/// One layer of a network as the generator planned it, for code that needs the architecture at run time (such as
/// <see cref="Onnx.OnnxExport"/>): its name, kind, shapes and tensors. Each kind's options are on its subclass.
/// Shapes are one sample's, as <c>[Input]</c> declares them: a vector [n], a matrix [h, w] or an image [c, h, w].
/// </summary>
public abstract class LayerInfo
{
    private readonly int[] _inputShape;
    private readonly int[] _outputShape;

    private protected LayerInfo(string name, LayerKind kind, int[] inputShape, int[] outputShape, ParameterTensor?[] parameters, StateTensor[] state)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        Kind = kind;
        _inputShape = inputShape.ToArray();
        _outputShape = outputShape.ToArray();
        Parameters = parameters.OfType<ParameterTensor>().ToArray();
        State = state.ToArray();
    }

    /// <summary>The layer's name, as in <see cref="INetwork.ParameterTensors"/> ("Hidden").</summary>
    public string Name { get; }

    /// <summary>The layer's kind, which also says which subclass this is.</summary>
    public LayerKind Kind { get; }

    /// <summary>The shape of one sample coming in.</summary>
    public IReadOnlyList<int> InputShape => _inputShape;

    /// <summary>The shape of one sample going out.</summary>
    public IReadOnlyList<int> OutputShape => _outputShape;

    /// <summary>The layer's trained tensors, slices of <see cref="INetwork.Parameters"/>, in buffer order.</summary>
    public IReadOnlyList<ParameterTensor> Parameters { get; }

    /// <summary>The layer's state tensors (running statistics), slices of <see cref="INetwork.State"/>, in buffer order.</summary>
    public IReadOnlyList<StateTensor> State { get; }

    /// <summary>"Hidden: Dense [3] → [4]".</summary>
    public override string ToString() => $"{Name}: {Kind} [{string.Join(", ", _inputShape)}] → [{string.Join(", ", _outputShape)}]";
}
