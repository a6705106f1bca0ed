using System;
using System.Linq;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Bench.TorchSharpPeer;

/// <summary>NetGen's MNIST networks, built and initialized as bench/peers/pytorch_mnist.py builds them.</summary>
internal static class Models
{
    public static readonly string[] Names = ["mlp", "lenet"];

    /// <summary>
    /// The network with NetGen's initialization. Built after <c>torch.manual_seed</c>, it draws from libtorch's generator
    /// in the Python peer's order (construction, then the initialization), so both peers start from the same weights.
    /// </summary>
    public static Sequential Create(string name)
    {
        var layers = name switch
        {
            "mlp" => nn.Sequential(nn.Flatten(), nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10)),
            "lenet" => nn.Sequential(
                nn.Conv2d(1, 6, 5, padding: 2), nn.ReLU(), nn.MaxPool2d(2),
                nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
                nn.Linear(400, 120), nn.ReLU(),
                nn.Linear(120, 84), nn.ReLU(),
                nn.Linear(84, 10)),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such model."),
        };
        InitializeLikeNetGen(layers);
        return layers;
    }

    /// <summary>The input shape of one sample: a flat vector for the MLP, an image for LeNet-5.</summary>
    public static long[] SampleShape(string name) => name == "mlp" ? [1, 784] : [1, 1, 28, 28];

    // NetGen's defaults: He normal (fan in) for a layer followed by a ReLU, Xavier uniform for the logits, zero biases.
    private static void InitializeLikeNetGen(Sequential layers)
    {
        var modules = layers.children().ToList();
        using var noGrad = no_grad();
        for (var index = 0; index < modules.Count; index++)
        {
            var (weight, bias) = modules[index] switch
            {
                Linear linear => (linear.weight, linear.bias),
                Conv2d convolution => (convolution.weight, convolution.bias),
                _ => (null, null),
            };
            if (weight is null)
            {
                continue;
            }

            if (index + 1 < modules.Count && modules[index + 1] is ReLU)
            {
                nn.init.kaiming_normal_(weight, 0, nn.init.FanInOut.FanIn, nn.init.NonlinearityType.ReLU);
            }
            else
            {
                nn.init.xavier_uniform_(weight);
            }

            if (bias is not null)
            {
                nn.init.zeros_(bias);
            }
        }
    }
}
