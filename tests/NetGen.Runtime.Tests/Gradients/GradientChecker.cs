namespace NetGen.Tests.Gradients;

/// <summary>Random parameters, inputs and targets for the gradient checks (<see cref="GradientCheck"/>) and the kernel tests.</summary>
internal static class GradientChecker
{
    /// <summary>Sets every parameter uniform in [−scale, scale], biases and PReLU slopes included, so that none is at a special value.</summary>
    public static void Randomize(INetwork network, int seed, float scale = 0.8f)
    {
        var random = new SeededRandom(seed);
        var parameters = network.Parameters;
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i] = random.NextUniform(-scale, scale);
        }
    }

    public static float[] RandomArray(int length, int seed, float low = -1f, float high = 1f)
    {
        var random = new SeededRandom(seed);
        var values = new float[length];
        for (var i = 0; i < length; i++)
        {
            values[i] = random.NextUniform(low, high);
        }

        return values;
    }
}
