using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using NetGen.Internal;

namespace NetGen.Cpu;

/// <summary>Element-wise operations and row sums on short runs of floats, whose results depend on nothing but their inputs
/// (not on the threads or the vector width of the machine).</summary>
internal static unsafe class Conv2DVectors
{
    /// <summary>destination[i] += source[i] for i &lt; count.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddTo(float* source, float* destination, int count)
    {
        var i = 0;
        for (; i <= count - Vector256<float>.Count; i += Vector256<float>.Count)
        {
            (Vector256.Load(destination + i) + Vector256.Load(source + i)).Store(destination + i);
        }

        if (i <= count - Vector128<float>.Count)
        {
            (Vector128.Load(destination + i) + Vector128.Load(source + i)).Store(destination + i);
            i += Vector128<float>.Count;
        }

        for (; i < count; i++)
        {
            destination[i] += source[i];
        }
    }

    /// <summary>destination[i] = source[i] for i &lt; count, which is often short (an output row): a last vector that
    /// overlaps the one before replaces a scalar tail, and no call is made.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Copy(float* source, float* destination, int count)
    {
        if (count >= Vector256<float>.Count)
        {
            for (var i = 0; i < count - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                Vector256.Load(source + i).Store(destination + i);
            }

            Vector256.Load(source + count - Vector256<float>.Count).Store(destination + count - Vector256<float>.Count);
        }
        else if (count >= Vector128<float>.Count)
        {
            Vector128.Load(source).Store(destination);
            Vector128.Load(source + count - Vector128<float>.Count).Store(destination + count - Vector128<float>.Count);
        }
        else
        {
            for (var i = 0; i < count; i++)
            {
                destination[i] = source[i];
            }
        }
    }

    /// <summary>destination[i] = 0 for i &lt; count, as <see cref="Copy"/> does it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Clear(float* destination, int count)
    {
        if (count >= Vector256<float>.Count)
        {
            for (var i = 0; i < count - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                Vector256<float>.Zero.Store(destination + i);
            }

            Vector256<float>.Zero.Store(destination + count - Vector256<float>.Count);
        }
        else if (count >= Vector128<float>.Count)
        {
            Vector128<float>.Zero.Store(destination);
            Vector128<float>.Zero.Store(destination + count - Vector128<float>.Count);
        }
        else
        {
            for (var i = 0; i < count; i++)
            {
                destination[i] = 0f;
            }
        }
    }

    /// <summary>Σ values[i] for i &lt; count, always summed in 8 interleaved lanes then lane by lane, so that the result is the
    /// same on every machine.</summary>
    public static float Sum(float* values, int count)
    {
        var lanes = Vector256<float>.Zero;
        var i = 0;
        for (; i <= count - Vector256<float>.Count; i += Vector256<float>.Count)
        {
            lanes += Vector256.Load(values + i);
        }

        var sum = 0f;
        for (var lane = 0; lane < Vector256<float>.Count; lane++)
        {
            sum += lanes.GetElement(lane);
        }

        for (; i < count; i++)
        {
            sum += values[i];
        }

        return sum;
    }

    /// <summary>z[i] = source[i] + b (when <paramref name="addBias"/>), then a[i] = max(z[i], 0) exactly as
    /// <see cref="ReluActivation.Apply"/> computes it (when <paramref name="relu"/>) or a[i] = z[i]. Any of source, z and a
    /// may be the same buffer.</summary>
    public static void AddBiasRelu(float* source, float* z, float* a, float b, int count, bool addBias, bool relu)
    {
        var bias = Vector256.Create(b);
        var i = 0;
        for (; i <= count - Vector256<float>.Count; i += Vector256<float>.Count)
        {
            var value = Vector256.Load(source + i);
            if (addBias)
            {
                value += bias;
            }

            value.Store(z + i);
            if (relu)
            {
                value = Vector256.ConditionalSelect(Vector256.GreaterThan(value, Vector256<float>.Zero), value, Vector256<float>.Zero);
            }

            value.Store(a + i);
        }

        for (; i < count; i++)
        {
            var value = addBias ? source[i] + b : source[i];
            z[i] = value;
            a[i] = relu ? (value > 0f ? value : 0f) : value;
        }
    }
}
