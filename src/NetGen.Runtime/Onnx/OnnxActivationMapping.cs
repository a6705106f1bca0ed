namespace NetGen.Onnx;

/// <summary>Each activation's inference form as ONNX operators, exactly as NetGen's <c>Forward</c> computes it.</summary>
internal static class OnnxActivationMapping
{
    /// <summary>Applies <paramref name="activation"/> to the builder's current tensor; softmax and PReLU only on a dense layer's [batch, units].</summary>
    public static void Apply(OnnxGraphBuilder graph, LayerInfo layer, LayerActivation activation)
    {
        var name = layer.Name;
        switch (activation.Function)
        {
            case Activation.Identity:
                break;
            case Activation.BinaryStep:
                // 1 where z ≥ 0, else 0 (NaN included), as NetGen's z >= 0 ? 1 : 0.
                graph.Apply(name, "GreaterOrEqual", graph.CurrentShape, [graph.Constant(name + "/Zero", 0f)]);
                graph.Apply(name, "Cast", OnnxAttribute.Of("to", 1L));
                break;
            case Activation.Sigmoid:
                graph.Apply(name, "Sigmoid");
                break;
            case Activation.Tanh:
                graph.Apply(name, "Tanh");
                break;
            case Activation.ArcTan:
                graph.Apply(name, "Atan");
                break;
            case Activation.ReLU:
            case Activation.NoisyReLU: // its noise is drawn in training steps only: inference is ReLU
                graph.Apply(name, "Relu");
                break;
            case Activation.LeakyReLU:
                graph.Apply(name, "LeakyRelu", OnnxAttribute.Of("alpha", activation.Alpha));
                break;
            case Activation.ELU:
                graph.Apply(name, "Elu", OnnxAttribute.Of("alpha", activation.Alpha));
                break;
            case Activation.SoftPlus:
                graph.Apply(name, "Softplus");
                break;
            case Activation.Softmax:
                RequireDense(graph, layer, activation);
                graph.Apply(name, "Softmax", OnnxAttribute.Of("axis", -1L));
                break;
            case Activation.PReLU:
                RequireDense(graph, layer, activation);
                var slopes = activation.LearnedAlpha ?? throw graph.Unsupported(layer, "PReLU without its learned slopes (LayerActivation.LearnedAlpha is null)");
                graph.Apply(name, "PRelu", graph.CurrentShape, [graph.Parameter(slopes)]);
                break;
            default:
                throw graph.Unsupported(layer, $"its activation {activation.Function} has no ONNX mapping");
        }
    }

    private static void RequireDense(OnnxGraphBuilder graph, LayerInfo layer, LayerActivation activation)
    {
        if (layer is not DenseLayerInfo)
        {
            throw graph.Unsupported(layer, $"{activation.Function} is applied per dense layer's units, not on a {layer.Kind} layer");
        }
    }
}
