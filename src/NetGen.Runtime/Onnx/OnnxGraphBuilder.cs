using System;
using System.Collections.Generic;
using System.Linq;

namespace NetGen.Onnx;

/// <summary>
/// Builds a network's graph layer by layer: holds the tensor the next node reads (its name and its per-sample shape,
/// the batch being dimension 0), adds nodes and initializers, and reshapes where an operator needs another rank.
/// </summary>
internal sealed class OnnxGraphBuilder
{
    public const string InputName = "input";
    public const string OutputName = "output";

    private readonly INetwork _network;
    private readonly List<OnnxNode> _nodes = [];
    private readonly List<OnnxInitializer> _initializers = [];
    private readonly HashSet<string> _names = new(StringComparer.Ordinal) { InputName };

    public OnnxGraphBuilder(INetwork network, IReadOnlyList<int> inputShape)
    {
        _network = network;
        InputShape = inputShape.ToArray();
        Current = InputName;
        CurrentShape = InputShape;
    }

    public int[] InputShape { get; }

    /// <summary>The tensor the next node reads.</summary>
    public string Current { get; private set; }

    /// <summary>The shape of one sample of <see cref="Current"/>.</summary>
    public int[] CurrentShape { get; private set; }

    public string NetworkName => _network.Name;

    /// <summary>Adds a node of <paramref name="opType"/> reading <see cref="Current"/> and then <paramref name="extraInputs"/>; its output becomes current.</summary>
    public void Apply(string layer, string opType, int[] outputShape, IReadOnlyList<string> extraInputs, params OnnxAttribute[] attributes)
    {
        var output = UniqueName(layer + "/" + opType);
        _nodes.Add(new OnnxNode(output, opType, [Current, .. extraInputs], [output], attributes));
        Current = output;
        CurrentShape = outputShape;
    }

    /// <summary>Adds a node of <paramref name="opType"/> reading only <paramref name="inputs"/>, beside the chain: <see cref="Current"/> stays. Returns its output.</summary>
    public string Beside(string layer, string opType, IReadOnlyList<string> inputs, params OnnxAttribute[] attributes)
    {
        var output = UniqueName(layer + "/" + opType);
        _nodes.Add(new OnnxNode(output, opType, inputs, [output], attributes));
        return output;
    }

    /// <summary>An element-wise operator: the shape stays.</summary>
    public void Apply(string layer, string opType, params OnnxAttribute[] attributes) => Apply(layer, opType, CurrentShape, [], attributes);

    /// <summary>Reshapes <see cref="Current"/> to <paramref name="sampleShape"/> per sample unless it has that shape already.</summary>
    public void EnsureShape(string layer, int[] sampleShape)
    {
        if (!CurrentShape.SequenceEqual(sampleShape))
        {
            var target = Constant(layer + "/Shape", [0, .. sampleShape.Select(dimension => (long)dimension)]);
            Apply(layer, "Reshape", sampleShape, [target]);
        }
    }

    /// <summary>A network tensor as an initializer named as in checkpoints ("Hidden.Weight"), with <paramref name="dimensions"/> or its own shape.</summary>
    public string Tensor(NamedTensor tensor, ReadOnlySpan<float> buffer, IReadOnlyList<int>? dimensions = null)
    {
        var name = UniqueName(tensor.Name);
        _initializers.Add(new OnnxInitializer(name, (dimensions ?? tensor.Shape).Select(dimension => (long)dimension).ToArray(), tensor.Slice(buffer).ToArray(), null));
        return name;
    }

    public string Parameter(NamedTensor tensor, IReadOnlyList<int>? dimensions = null) => Tensor(tensor, _network.Parameters, dimensions);

    public string State(StateTensor tensor) => Tensor(tensor, _network.State);

    /// <summary>A scalar float constant.</summary>
    public string Constant(string name, float value)
    {
        name = UniqueName(name);
        _initializers.Add(new OnnxInitializer(name, [], [value], null));
        return name;
    }

    /// <summary>A 1-D int64 constant.</summary>
    public string Constant(string name, long[] values)
    {
        name = UniqueName(name);
        _initializers.Add(new OnnxInitializer(name, [values.Length], null, values));
        return name;
    }

    /// <summary>The graph, its last node renamed to write "output"; a network whose layers compute nothing gets an Identity.</summary>
    public OnnxGraph Build()
    {
        if (_nodes.Count == 0)
        {
            Apply(NetworkName, "Identity");
        }

        var last = _nodes[^1];
        _nodes[^1] = last with { Outputs = [OutputName] };
        return new OnnxGraph(NetworkName, _nodes, _initializers, new OnnxValue(InputName, InputShape), new OnnxValue(OutputName, CurrentShape));
    }

    /// <summary>The exception for what cannot be exported: the network, the layer and <paramref name="why"/>.</summary>
    public System.NotSupportedException Unsupported(LayerInfo layer, string why) =>
        new($"{NetworkName} cannot be exported to ONNX: layer '{layer.Name}' ({layer.Kind}): {why}.");

    private string UniqueName(string name)
    {
        var unique = name;
        for (var suffix = 2; !_names.Add(unique); suffix++)
        {
            unique = name + "_" + suffix;
        }

        return unique;
    }
}
