using System;
using System.Linq;

namespace NetGen.Tests.Checkpoints;

/// <summary>Networks initialised and run through a few training steps, so that batch normalisation's running statistics are neither 0 nor 1.</summary>
internal static class TrainedNetworks
{
    public static T Create<T>(int seed)
        where T : INetwork, new()
    {
        var network = new T();
        network.Initialize(seed);
        var random = new Random(seed);
        const int Batch = 4;
        for (var step = 0; step < 3; step++)
        {
            var inputs = RandomValues(random, Batch * network.InputSize);
            var targets = new float[Batch * network.OutputSize];
            for (var sample = 0; sample < Batch; sample++)
            {
                targets[sample * network.OutputSize + random.Next(network.OutputSize)] = 1; // one-hot, which every loss accepts
            }

            network.ComputeGradients(inputs, targets);
        }

        return network;
    }

    public static float[] RandomValues(Random random, int count) =>
        Enumerable.Range(0, count).Select(_ => (float)(random.NextDouble() * 4 - 2)).ToArray();
}
