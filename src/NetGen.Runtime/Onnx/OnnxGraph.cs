using System.Collections.Generic;

namespace NetGen.Onnx;

/// <summary>An ONNX graph before it is serialised: nodes in execution order, initializers, and the one input and output.</summary>
internal sealed record OnnxGraph(
    string Name, IReadOnlyList<OnnxNode> Nodes, IReadOnlyList<OnnxInitializer> Initializers, OnnxValue Input, OnnxValue Output);

/// <summary>One operator application.</summary>
internal sealed record OnnxNode(string Name, string OpType, IReadOnlyList<string> Inputs, IReadOnlyList<string> Outputs, IReadOnlyList<OnnxAttribute> Attributes);

/// <summary>An attribute of a node: an int, a float or a list of ints (the kinds NetGen's graphs use).</summary>
internal sealed record OnnxAttribute(string Name, OnnxAttributeType Type, long Int = 0, float Float = 0, long[]? Ints = null)
{
    public static OnnxAttribute Of(string name, long value) => new(name, OnnxAttributeType.Int, Int: value);

    public static OnnxAttribute Of(string name, float value) => new(name, OnnxAttributeType.Float, Float: value);

    public static OnnxAttribute Of(string name, params long[] values) => new(name, OnnxAttributeType.Ints, Ints: values);
}

/// <summary>AttributeProto.AttributeType values.</summary>
internal enum OnnxAttributeType
{
    Float = 1,
    Int = 2,
    Ints = 7,
}

/// <summary>A constant tensor of floats or of int64s (reshape targets), stored as raw little-endian data.</summary>
internal sealed record OnnxInitializer(string Name, long[] Dimensions, float[]? Floats, long[]? Int64s);

/// <summary>A graph input or output: a float tensor whose first dimension is the symbolic batch.</summary>
internal sealed record OnnxValue(string Name, IReadOnlyList<int> SampleShape);
