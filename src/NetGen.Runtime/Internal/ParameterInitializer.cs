using System;
using System.ComponentModel;

namespace NetGen.Internal;

/// <summary>Fills weight tensors as an <see cref="Initializer"/> says, from a seeded generator.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ParameterInitializer
{
    /// <summary>Fills <paramref name="values"/> for a layer with <paramref name="fanIn"/> inputs and <paramref name="fanOut"/> outputs per weight.</summary>
    public static void Fill(Span<float> values, Initializer initializer, int fanIn, int fanOut, SeededRandom random)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fanIn);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fanOut);
        ArgumentNullException.ThrowIfNull(random);
        switch (initializer)
        {
            case Initializer.XavierUniform:
                FillUniform(values, MathF.Sqrt(6f / (fanIn + fanOut)), random);
                break;
            case Initializer.XavierNormal:
                FillNormal(values, Math.Sqrt(2.0 / (fanIn + fanOut)), random);
                break;
            case Initializer.HeUniform:
                FillUniform(values, MathF.Sqrt(6f / fanIn), random);
                break;
            case Initializer.HeNormal:
                FillNormal(values, Math.Sqrt(2.0 / fanIn), random);
                break;
            case Initializer.Uniform:
                FillUniform(values, 1f, random);
                break;
            case Initializer.Normal:
                FillNormal(values, 1.0, random);
                break;
            case Initializer.Zeros:
                values.Clear();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(initializer), initializer,
                    "Pass a concrete initializer; Default depends on the layer's activation and is resolved by the generator.");
        }
    }

    private static void FillUniform(Span<float> values, float limit, SeededRandom random)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = random.NextUniform(-limit, limit);
        }
    }

    private static void FillNormal(Span<float> values, double standardDeviation, SeededRandom random)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)(random.NextGaussian() * standardDeviation);
        }
    }
}
