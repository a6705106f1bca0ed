using System;

namespace NetGen.CudaEmulation.Tests.Parity;

/// <summary>Seeded parameters, inputs and targets for the parity tests; no value is zero.</summary>
internal static class TestData
{
    /// <summary>
    /// The network's own initialisation for <paramref name="seed"/>, every weight scaled by a random factor in [0.9, 1.1]
    /// (PReLU's α included, so no two are equal) and every zero (the biases) replaced by a random ±[0.02, 0.2].
    /// </summary>
    public static void Randomize(INetwork network, int seed)
    {
        network.Initialize(seed);
        var random = new SeededRandom(seed * 7919L + 1);
        var parameters = network.Parameters;
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i] = parameters[i] == 0f ? NonZero(random, 0.02f, 0.2f) : parameters[i] * random.NextUniform(0.9f, 1.1f);
        }
    }

    /// <summary>batch × InputSize values, each ±[0.05, 1].</summary>
    public static float[] Inputs(INetwork network, int batch, int seed)
    {
        var random = new SeededRandom(seed * 104729L + 2);
        var inputs = new float[batch * network.InputSize];
        for (var i = 0; i < inputs.Length; i++)
        {
            inputs[i] = NonZero(random, 0.05f, 1f);
        }

        return inputs;
    }

    /// <summary>One-hot rows for softmax cross-entropy, 0/1 for binary cross-entropy, [0.05, 1) otherwise.</summary>
    public static float[] Targets(INetwork network, int batch, int seed)
    {
        var random = new SeededRandom(seed * 1299709L + 3);
        var size = network.OutputSize;
        var targets = new float[batch * size];
        for (var sample = 0; sample < batch; sample++)
        {
            var row = targets.AsSpan(sample * size, size);
            switch (network.Loss)
            {
                case Loss.SoftmaxCrossEntropy:
                    row[random.NextInt(size)] = 1f;
                    break;
                case Loss.BinaryCrossEntropy:
                    for (var j = 0; j < size; j++)
                    {
                        row[j] = random.NextInt(2);
                    }

                    break;
                default:
                    for (var j = 0; j < size; j++)
                    {
                        row[j] = random.NextUniform(0.05f, 1f);
                    }

                    break;
            }
        }

        return targets;
    }

    /// <summary><paramref name="count"/> gradients, each ±[0.001, 0.1].</summary>
    public static float[] Gradients(int count, int seed)
    {
        var random = new SeededRandom(seed * 15485863L + 4);
        var gradients = new float[count];
        for (var i = 0; i < count; i++)
        {
            gradients[i] = NonZero(random, 0.001f, 0.1f);
        }

        return gradients;
    }

    private static float NonZero(SeededRandom random, float low, float high)
    {
        var magnitude = random.NextUniform(low, high);
        return random.NextInt(2) == 0 ? -magnitude : magnitude;
    }
}
