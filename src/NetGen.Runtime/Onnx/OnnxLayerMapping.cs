using System.Collections.Generic;
using System.Linq;

namespace NetGen.Onnx;

/// <summary>Each layer kind's inference form as ONNX operators.</summary>
internal static class OnnxLayerMapping
{
    public static void Add(OnnxGraphBuilder graph, LayerInfo layer)
    {
        if (Size(layer.InputShape) != Size(graph.CurrentShape))
        {
            throw graph.Unsupported(layer,
                $"it takes {Size(layer.InputShape)} floats per sample but the layers before it give {Size(graph.CurrentShape)}");
        }

        switch (layer)
        {
            case RecurrentLayerInfo:
                throw graph.Unsupported(layer, "recurrent layers have no ONNX mapping in NetGen");
            case DenseLayerInfo { InputShape.Count: > 1 }:
                // Only a per-step dense layer takes a sequence (steps × features); any other dense layer takes a vector.
                throw graph.Unsupported(layer, "a dense layer applied at every step of a sequence (PerStep = true, " +
                    string.Join("×", layer.InputShape) + " in) has no ONNX mapping in NetGen");
            case DenseLayerInfo dense:
                // DropConnect masks weights in training steps only: inference uses W as it is.
                Gemm(graph, dense, dense.Weight, dense.Bias);
                OnnxActivationMapping.Apply(graph, dense, dense.Activation);
                break;
            case Conv2DLayerInfo conv:
                Conv(graph, conv);
                OnnxActivationMapping.Apply(graph, conv, conv.Activation);
                break;
            case Pool2DLayerInfo pool:
                Pool(graph, pool);
                break;
            case ViewLayerInfo { Kind: LayerKind.Flatten } flatten:
                graph.Apply(flatten.Name, "Flatten", [Size(flatten.OutputShape)], [], OnnxAttribute.Of("axis", 1L));
                break;
            case ViewLayerInfo reshape:
                graph.EnsureShape(reshape.Name, reshape.OutputShape.ToArray());
                break;
            case DropoutLayerInfo:
                // Inverted dropout scales in training steps, so inference passes every value unchanged: no node.
                break;
            case BatchNormLayerInfo norm:
                BatchNormalization(graph, norm);
                OnnxActivationMapping.Apply(graph, norm, norm.Activation);
                break;
            case MaxoutLayerInfo maxout:
                Maxout(graph, maxout);
                break;
            case RbfLayerInfo rbf:
                Rbf(graph, rbf);
                break;
            default:
                throw graph.Unsupported(layer, $"layers of type {layer.GetType().Name} have no ONNX mapping");
        }

        if (Size(layer.OutputShape) != Size(graph.CurrentShape))
        {
            throw graph.Unsupported(layer,
                $"it declares {Size(layer.OutputShape)} floats per sample out but its tensors give {Size(graph.CurrentShape)}");
        }
    }

    public static int Size(IReadOnlyList<int> shape) => shape.Aggregate(1, (product, dimension) => product * dimension);

    private static void Gemm(OnnxGraphBuilder graph, LayerInfo layer, ParameterTensor weight, ParameterTensor? bias)
    {
        graph.EnsureShape(layer.Name, [Size(layer.InputShape)]);
        var inputs = new List<string> { graph.Parameter(weight) };
        if (bias is not null)
        {
            inputs.Add(graph.Parameter(bias));
        }

        graph.Apply(layer.Name, "Gemm", [weight.Shape[0]], inputs, OnnxAttribute.Of("transB", 1L));
    }

    private static void Conv(OnnxGraphBuilder graph, Conv2DLayerInfo conv)
    {
        graph.EnsureShape(conv.Name, Image(conv.InputShape));
        var inputs = new List<string> { graph.Parameter(conv.Weight) };
        if (conv.Bias is not null)
        {
            inputs.Add(graph.Parameter(conv.Bias));
        }

        graph.Apply(conv.Name, "Conv", conv.OutputShape.ToArray(), inputs, Window(conv.Kernel, conv.Stride, conv.Padding));
    }

    private static void Pool(OnnxGraphBuilder graph, Pool2DLayerInfo pool)
    {
        graph.EnsureShape(pool.Name, Image(pool.InputShape));
        var window = Window(pool.Window, pool.Stride, pool.Padding);
        if (pool.Kind == LayerKind.MaxPool2D)
        {
            // ONNX max pooling ignores padded cells, as NetGen's (they never win).
            graph.Apply(pool.Name, "MaxPool", pool.OutputShape.ToArray(), [], window);
        }
        else
        {
            // NetGen divides every window by Window², padded cells counting as zeros.
            graph.Apply(pool.Name, "AveragePool", pool.OutputShape.ToArray(), [], [.. window, OnnxAttribute.Of("count_include_pad", 1L)]);
        }
    }

    /// <summary>Per channel of an image (a matrix is one channel) or per feature of a vector; inference uses the running statistics.</summary>
    private static void BatchNormalization(OnnxGraphBuilder graph, BatchNormLayerInfo norm)
    {
        var shape = norm.InputShape.Count == 1 ? [norm.InputShape[0]] : Image(norm.InputShape);
        graph.EnsureShape(norm.Name, shape);
        string[] inputs = [graph.Parameter(norm.Gamma), graph.Parameter(norm.Beta), graph.State(norm.RunningMean), graph.State(norm.RunningVariance)];
        graph.Apply(norm.Name, "BatchNormalization", shape, inputs, OnnxAttribute.Of("epsilon", norm.Epsilon), OnnxAttribute.Of("momentum", 1f - norm.Momentum));
    }

    /// <summary>The pieces as a dense product, then each unit's largest piece: its pieces are adjacent, so [units, pieces] per sample.</summary>
    private static void Maxout(OnnxGraphBuilder graph, MaxoutLayerInfo maxout)
    {
        Gemm(graph, maxout, maxout.Weight, maxout.Bias);
        var units = Size(maxout.OutputShape);
        graph.EnsureShape(maxout.Name, [units, maxout.Pieces]);
        graph.Apply(maxout.Name, "ReduceMax", [units], [], OnnxAttribute.Of("axes", new long[] { 2 }), OnnxAttribute.Of("keepdims", 0L));
    }

    /// <summary>
    /// φ = exp(−γ·Σₖ (x − c)²) with −γ = −exp(−2s)/2 computed from the log-widths beside the chain: x as [1, inputs] per
    /// sample minus the centres [units, inputs] broadcasts to [units, inputs], and ReduceSumSquare over the inputs (axes
    /// attribute: opset ≤ 17) leaves d² per unit, as the CPU sums it.
    /// </summary>
    private static void Rbf(OnnxGraphBuilder graph, RbfLayerInfo rbf)
    {
        var inputs = Size(rbf.InputShape);
        var units = Size(rbf.OutputShape);
        var twiceGamma = graph.Beside(rbf.Name, "Exp", [graph.Beside(rbf.Name, "Mul", [graph.Parameter(rbf.LogWidth), graph.Constant(rbf.Name + "/MinusTwo", -2f)])]);
        var minusGamma = graph.Beside(rbf.Name, "Mul", [twiceGamma, graph.Constant(rbf.Name + "/MinusHalf", -0.5f)]);
        graph.EnsureShape(rbf.Name, [1, inputs]);
        graph.Apply(rbf.Name, "Sub", [units, inputs], [graph.Parameter(rbf.Center)]);
        graph.Apply(rbf.Name, "ReduceSumSquare", [units], [], OnnxAttribute.Of("axes", new long[] { 2 }), OnnxAttribute.Of("keepdims", 0L));
        graph.Apply(rbf.Name, "Mul", [units], [minusGamma]);
        graph.Apply(rbf.Name, "Exp");
    }

    /// <summary>[channels, height, width] of an image, or [1, height, width] of a matrix.</summary>
    private static int[] Image(IReadOnlyList<int> shape) => shape.Count == 3 ? shape.ToArray() : [1, .. shape];

    private static OnnxAttribute[] Window(int size, int stride, int padding) =>
    [
        OnnxAttribute.Of("kernel_shape", size, size),
        OnnxAttribute.Of("strides", stride, stride),
        OnnxAttribute.Of("pads", padding, padding, padding, padding),
    ];
}
