using System;
using System.IO;
using System.Linq;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace NetGen.Onnx.Tests.Infrastructure;

/// <summary>Exports a network and runs the model with ONNX Runtime.</summary>
internal static class OnnxRunner
{
    public static byte[] Export(INetwork network, OnnxExportOptions? options = null)
    {
        using var stream = new MemoryStream();
        OnnxExport.Save(network, stream, options);
        return stream.ToArray();
    }

    /// <summary>The model's outputs for <paramref name="inputs"/> (batch × the network's input size), flattened.</summary>
    public static float[] Run(byte[] model, INetwork network, float[] inputs)
    {
        using var session = new InferenceSession(model);
        var batch = inputs.Length / network.InputSize;
        int[] shape = [batch, .. network.Layers[0].InputShape];
        var tensor = new DenseTensor<float>(inputs, shape);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(OnnxGraphBuilder.InputName, tensor)]);
        var output = results.Single(result => result.Name == OnnxGraphBuilder.OutputName).AsTensor<float>();
        Assert.Equal([batch, network.OutputSize], output.Dimensions.ToArray());
        return output.ToArray();
    }

    /// <summary>The largest |a − b|, NaN if any pair differs in being NaN.</summary>
    public static float MaxAbsoluteError(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        var error = 0f;
        for (var i = 0; i < expected.Length; i++)
        {
            error = float.IsNaN(expected[i]) != float.IsNaN(actual[i]) ? float.NaN : Math.Max(error, Math.Abs(expected[i] - actual[i]));
            if (float.IsNaN(error))
            {
                return error;
            }
        }

        return error;
    }
}
