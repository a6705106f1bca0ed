using System;
using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace NetGen.Onnx;

/// <summary>Serialises an <see cref="OnnxGraph"/> as an ONNX ModelProto; the field numbers are onnx.proto's.</summary>
internal static class OnnxModelWriter
{
    /// <summary>The IR version written: 8, which ONNX 1.10 onwards and ONNX Runtime 1.10 onwards read.</summary>
    public const long IrVersion = 8;

    /// <summary>The name of the symbolic first dimension of the input and output.</summary>
    public const string BatchDimension = "batch";

    private const int FloatType = 1;
    private const int Int64Type = 7;

    public static ProtobufWriter Write(OnnxGraph graph, int opset, string producerVersion)
    {
        var model = new ProtobufWriter();
        model.Int64(1, IrVersion);
        model.String(2, "NetGen");
        model.String(3, producerVersion);
        model.Message(7, writer => WriteGraph(writer, graph));
        model.Message(8, opsetImport =>
        {
            opsetImport.String(1, string.Empty);
            opsetImport.Int64(2, opset);
        });
        return model;
    }

    private static void WriteGraph(ProtobufWriter graphProto, OnnxGraph graph)
    {
        foreach (var node in graph.Nodes)
        {
            graphProto.Message(1, writer => WriteNode(writer, node));
        }

        graphProto.String(2, graph.Name);
        foreach (var initializer in graph.Initializers)
        {
            graphProto.Message(5, writer => WriteInitializer(writer, initializer));
        }

        graphProto.Message(11, writer => WriteValue(writer, graph.Input));
        graphProto.Message(12, writer => WriteValue(writer, graph.Output));
    }

    private static void WriteNode(ProtobufWriter nodeProto, OnnxNode node)
    {
        foreach (var input in node.Inputs)
        {
            nodeProto.String(1, input);
        }

        foreach (var output in node.Outputs)
        {
            nodeProto.String(2, output);
        }

        nodeProto.String(3, node.Name);
        nodeProto.String(4, node.OpType);
        foreach (var attribute in node.Attributes)
        {
            nodeProto.Message(5, writer => WriteAttribute(writer, attribute));
        }
    }

    private static void WriteAttribute(ProtobufWriter attributeProto, OnnxAttribute attribute)
    {
        attributeProto.String(1, attribute.Name);
        switch (attribute.Type)
        {
            case OnnxAttributeType.Float:
                attributeProto.Float(2, attribute.Float);
                break;
            case OnnxAttributeType.Int:
                attributeProto.Int64(3, attribute.Int);
                break;
            case OnnxAttributeType.Ints:
                attributeProto.PackedInt64(8, attribute.Ints ?? []);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(attribute), attribute.Type, "No ONNX encoding for this attribute type.");
        }

        attributeProto.Int64(20, (long)attribute.Type);
    }

    private static void WriteInitializer(ProtobufWriter tensorProto, OnnxInitializer initializer)
    {
        tensorProto.PackedInt64(1, initializer.Dimensions);
        tensorProto.Int64(2, initializer.Floats is null ? Int64Type : FloatType);
        tensorProto.String(8, initializer.Name);
        tensorProto.Bytes(9, initializer.Floats is { } floats ? LittleEndian(floats) : LittleEndian(initializer.Int64s ?? []));
    }

    private static void WriteValue(ProtobufWriter valueInfoProto, OnnxValue value)
    {
        valueInfoProto.String(1, value.Name);
        valueInfoProto.Message(2, typeProto => typeProto.Message(1, tensorType =>
        {
            tensorType.Int64(1, FloatType);
            tensorType.Message(2, shape =>
            {
                shape.Message(1, dimension => dimension.String(2, BatchDimension));
                foreach (var size in value.SampleShape)
                {
                    shape.Message(1, dimension => dimension.Int64(1, size));
                }
            });
        }));
    }

    private static byte[] LittleEndian(float[] values)
    {
        var bytes = MemoryMarshal.AsBytes(values.AsSpan()).ToArray();
        if (!BitConverter.IsLittleEndian)
        {
            for (var i = 0; i < values.Length; i++)
            {
                BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(4 * i), values[i]);
            }
        }

        return bytes;
    }

    private static byte[] LittleEndian(long[] values)
    {
        var bytes = new byte[8 * values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(8 * i), values[i]);
        }

        return bytes;
    }
}
