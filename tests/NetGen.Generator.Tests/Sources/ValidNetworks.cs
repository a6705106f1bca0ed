using System;
using System.Collections.Generic;

namespace NetGen.Generator.Tests.Sources;

/// <summary>Network declarations that must generate code which compiles cleanly.</summary>
internal static class ValidNetworks
{
    public const string Xor = """
        using NetGen;

        namespace Demo;

        [Network(Loss = Loss.BinaryCrossEntropy)]
        [Input(2)]
        [Dense(4, Name = "Hidden", Activation = Activation.Tanh)]
        [Dense(1, Name = "Output", Activation = Activation.Sigmoid)]
        public partial class XorNet;
        """;

    public const string ImageMlp = """
        using NetGen;

        namespace Demo.Vision
        {
            [Network(Loss = Loss.SoftmaxCrossEntropy)]
            [Input(1, 28, 28)]
            [Flatten]
            [Dense(128, Name = "Hidden1", Activation = Activation.ReLU)]
            [Dense(64, Name = "Hidden2", Activation = Activation.LeakyReLU, Alpha = 0.1)]
            [Dense(10, Name = "Logits")]
            public partial class DigitClassifier
            {
            }
        }
        """;

    /// <summary>The classic 784-16-16-10 sigmoid MLP: 13,002 parameters.</summary>
    public const string SigmoidMlp = """
        using NetGen;

        namespace Demo;

        [Network]
        [Input(784)]
        [Dense(16, Activation = Activation.Sigmoid)]
        [Dense(16, Activation = Activation.Sigmoid)]
        [Dense(10, Activation = Activation.Sigmoid)]
        public partial class SigmoidMlp;
        """;

    public const string WithoutBias = """
        using NetGen;

        namespace Demo;

        [Network(Loss = Loss.MeanAbsoluteError)]
        [Input(3)]
        [Dense(5, Name = "Hidden", Activation = Activation.ReLU, Bias = false)]
        [Dense(2, Name = "Output", Bias = false)]
        public partial class BiasFreeNet;
        """;

    public const string InGlobalNamespace = """
        using NetGen;

        [Network]
        [Input(2, 2)]
        [Flatten]
        [Dense(1, Activation = Activation.Sigmoid)]
        public partial class GlobalNet;
        """;

    public const string NestedInPartialClass = """
        using NetGen;

        namespace Demo.Nested;

        /// <summary>A public containing type: documented, since the test compilation reports missing XML comments.</summary>
        public static partial class Models
        {
            internal partial class Experiments
            {
                [Network(Loss = Loss.MeanSquaredError)]
                [Input(4)]
                [Dense(3, Name = "Hidden", Activation = Activation.ELU)]
                [Dense(1, Name = "Output")]
                public partial class InnerNet
                {
                }
            }
        }
        """;

    /// <summary>Every activation in a hidden layer, every initializer, and an output layer that fits <paramref name="loss"/>.</summary>
    public static string EveryActivation(string loss, string reduction)
    {
        var output = loss switch
        {
            "BinaryCrossEntropy" => "[Dense(1, Name = \"Output\", Activation = Activation.Sigmoid)]",
            "SoftmaxCrossEntropy" => "[Dense(3, Name = \"Output\")]",
            "Perceptron" => "[Dense(2, Name = \"Output\", Activation = Activation.BinaryStep)]",
            _ => "[Dense(2, Name = \"Output\", Initializer = Initializer.Zeros)]",
        };

        return $$"""
            using NetGen;

            namespace Demo.Activations;

            [Network(Loss = Loss.{{loss}}, Reduction = LossReduction.{{reduction}})]
            [Input(6)]
            [Dense(5, Name = "IdentityLayer", Activation = Activation.Identity, Initializer = Initializer.XavierUniform)]
            [Dense(5, Name = "BinaryStepLayer", Activation = Activation.BinaryStep, Initializer = Initializer.XavierNormal)]
            [Dense(5, Name = "SigmoidLayer", Activation = Activation.Sigmoid, Initializer = Initializer.HeUniform)]
            [Dense(5, Name = "TanhLayer", Activation = Activation.Tanh, Initializer = Initializer.HeNormal)]
            [Dense(5, Name = "ArcTanLayer", Activation = Activation.ArcTan, Initializer = Initializer.Uniform)]
            [Dense(5, Name = "ReLULayer", Activation = Activation.ReLU, Initializer = Initializer.Normal)]
            [Dense(5, Name = "LeakyReLULayer", Activation = Activation.LeakyReLU, Alpha = 0.2)]
            [Dense(5, Name = "PReLULayer", Activation = Activation.PReLU, Alpha = 0.3, Bias = false)]
            [Dense(5, Name = "ELULayer", Activation = Activation.ELU, Alpha = 0.5)]
            [Dense(5, Name = "SoftPlusLayer", Activation = Activation.SoftPlus)]
            [Dense(5, Name = "NoisyReLULayer", Activation = Activation.NoisyReLU)]
            [Dense(5, Name = "SoftmaxLayer", Activation = Activation.Softmax)]
            {{output}}
            public partial class EveryActivationNet;
            """;
    }

    public const string LeNet5 = """
        using NetGen;

        namespace Demo.Vision;

        /// <summary>LeNet-5.</summary>
        [Network(Loss = Loss.SoftmaxCrossEntropy)]
        [Input(1, 28, 28)]
        [Conv2D(6, Name = "Conv1", Kernel = 5, Padding = 2, Activation = Activation.ReLU)]
        [MaxPool2D(2, Name = "Pool1")]
        [Conv2D(16, Name = "Conv2", Kernel = 5, Activation = Activation.ReLU)]
        [MaxPool2D(2, Name = "Pool2")]
        [Flatten]
        [Dense(120, Name = "Full1", Activation = Activation.ReLU)]
        [Dense(84, Name = "Full2", Activation = Activation.ReLU)]
        [Dense(10, Name = "Logits")]
        public partial class LeNet5;
        """;

    /// <summary>Average pooling with overlap and padding, a strided convolution, a matrix input (one channel) and a convolution as the output layer.</summary>
    public const string SpatialVariety = """
        using NetGen;

        namespace Demo.Vision;

        /// <summary>Spatial layers in unusual arrangements.</summary>
        [Network]
        [Input(9, 9)]
        [AvgPool2D(3, Name = "Smooth", Stride = 2, Padding = 1)]
        [Conv2D(4, Name = "Strided", Kernel = 3, Stride = 2, Padding = 1, Activation = Activation.Tanh, Bias = false)]
        [Conv2D(2, Name = "Scores", Kernel = 1, Activation = Activation.Sigmoid)]
        public partial class SpatialNet;
        """;

    public const string Regularized = """
        using NetGen;

        namespace Demo.Vision;

        /// <summary>Layer state (batch normalisation's running statistics), modes and random streams (noisy ReLU, dropout), and a reshape.</summary>
        [Network(Loss = Loss.SoftmaxCrossEntropy)]
        [Input(64)]
        [Reshape(1, 8, 8, Name = "Image")]
        [Conv2D(4, Name = "Conv", Kernel = 3, Padding = 1, Bias = false)]
        [BatchNorm(Name = "ChannelNorm", Activation = Activation.NoisyReLU)]
        [MaxPool2D(2, Name = "Pool")]
        [Flatten]
        [Dropout(0.25, Name = "Drop")]
        [Dense(10, Name = "Logits")]
        public partial class RegularizedNet;
        """;

    public const string MaxoutDropConnect = """
        using NetGen;

        namespace Demo;

        /// <summary>A maxout layer between dense layers with DropConnect: the pieces, their maximum and the masked weights.</summary>
        [Network(Loss = Loss.SoftmaxCrossEntropy)]
        [Input(6)]
        [Dense(8, Name = "Hidden", Activation = Activation.ReLU, DropConnect = 0.5)]
        [Maxout(4, 3, Name = "Max")]
        [Dense(3, Name = "Logits", DropConnect = 0.2)]
        public partial class MaxoutDropConnectNet;
        """;

    public const string RadialBasis = """
        using NetGen;

        namespace Demo;

        /// <summary>RBF kernels on the input and on a tanh layer: centres, log-widths and the distances they keep.</summary>
        [Network(Loss = Loss.MeanSquaredError)]
        [Input(3)]
        [Rbf(6, Name = "Kernels")]
        [Dense(4, Name = "Hidden", Activation = Activation.Tanh)]
        [Rbf(5, Name = "Deep", Width = 0.5)]
        [Dense(1, Name = "Output")]
        public partial class RadialBasisNet;
        """;

    public const string Recurrent = """
        using NetGen;

        namespace Demo;

        /// <summary>Stacked recurrent layers of every cell over a sequence, a per-step dense layer, and truncated BPTT.</summary>
        [Network(Loss = Loss.SoftmaxCrossEntropy)]
        [Input(6, 3, Sequence = true)]
        [Gru(5, Name = "Encoder", ReturnSequences = true)]
        [SimpleRnn(4, Name = "Elman", ReturnSequences = true, Activation = Activation.ReLU, Bias = false)]
        [Dense(3, Name = "PerStep", PerStep = true, Activation = Activation.Tanh)]
        [Lstm(7, Name = "Memory", Bptt = 3)]
        [Dense(2, Name = "Logits")]
        public partial class RecurrentNet;
        """;

    /// <summary>Every valid declaration above, by a name for test output.</summary>
    public static IReadOnlyDictionary<string, string> ByName { get; } = BuildByName();

    private static Dictionary<string, string> BuildByName()
    {
        var byName = new Dictionary<string, string>
        {
            [nameof(Xor)] = Xor,
            [nameof(ImageMlp)] = ImageMlp,
            [nameof(SigmoidMlp)] = SigmoidMlp,
            [nameof(WithoutBias)] = WithoutBias,
            [nameof(InGlobalNamespace)] = InGlobalNamespace,
            [nameof(NestedInPartialClass)] = NestedInPartialClass,
            [nameof(LeNet5)] = LeNet5,
            [nameof(SpatialVariety)] = SpatialVariety,
            [nameof(Regularized)] = Regularized,
            [nameof(MaxoutDropConnect)] = MaxoutDropConnect,
            [nameof(RadialBasis)] = RadialBasis,
            [nameof(Recurrent)] = Recurrent,
        };

        foreach (var loss in Enum.GetNames<NetGen.Loss>())
        {
            foreach (var reduction in Enum.GetNames<NetGen.LossReduction>())
            {
                byName[nameof(EveryActivation) + "_" + loss + "_" + reduction] = EveryActivation(loss, reduction);
            }
        }

        return byName;
    }
}
