using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Internal;

/// <summary>
/// a = f(z) over a run of values, the transcendental activations (tanh, the logistic sigmoid, ELU, SoftPlus, arctan)
/// vectorised with the recurrent cells' lanes: 16 values at a time where 512-bit vectors are fast, a
/// <see cref="Vector{T}"/> at a time otherwise, the few left at the end through the same lanes, padded (the scalar
/// activation only without vector hardware). Every value goes through the same formula wherever it stands in the run. A dense layer of
/// batch × units and a convolution's output plane go through it; MathF.Tanh per value cost most of a small network's step.
/// </summary>
internal static unsafe class ActivationSpans
{
    /// <summary>Whether <see cref="Apply"/> vectorises <typeparamref name="TActivation"/>; callers keep their own path for the rest.</summary>
    public static bool Vectorizes<TActivation>()
        where TActivation : struct, IActivation =>
        typeof(TActivation) == typeof(TanhActivation) || typeof(TActivation) == typeof(SigmoidActivation)
        || typeof(TActivation) == typeof(EluActivation) || typeof(TActivation) == typeof(SoftPlusActivation)
        || typeof(TActivation) == typeof(ArcTanActivation);

    /// <summary>a[i] = f(z[i]) for i below <paramref name="count"/>; <paramref name="z"/> and <paramref name="a"/> may be the same.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Apply<TActivation>(float* z, float* a, int count, TActivation activation)
        where TActivation : struct, IActivation
    {
        var i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= count - Vector512Lanes.Count; i += Vector512Lanes.Count)
            {
                Vector512Lanes.Store(Vector512Lanes.Activate(Vector512Lanes.Load(z + i), activation), a + i);
            }
        }
        else if (Vector.IsHardwareAccelerated)
        {
            for (; i <= count - VectorLanes.Count; i += VectorLanes.Count)
            {
                VectorLanes.Store(VectorLanes.Activate(VectorLanes.Load(z + i), activation), a + i);
            }
        }

        if (i == count)
        {
            return;
        }

        if (!Vector.IsHardwareAccelerated)
        {
            for (; i < count; i++)
            {
                a[i] = activation.Apply(z[i]);
            }

            return;
        }

        // The last few values go through the same lanes, padded, so that a value's result never depends on where it
        // stands: the same sample gives the same outputs at any place in a batch.
        var tail = stackalloc float[Vector512<float>.Count];
        var rest = count - i;
        new Span<float>(z + i, rest).CopyTo(new Span<float>(tail, Vector512<float>.Count));
        if (Vector512.IsHardwareAccelerated)
        {
            Vector512Lanes.Store(Vector512Lanes.Activate(Vector512Lanes.Load(tail), activation), tail);
        }
        else
        {
            VectorLanes.Store(VectorLanes.Activate(VectorLanes.Load(tail), activation), tail);
        }

        new Span<float>(tail, rest).CopyTo(new Span<float>(a + i, rest));
    }
}
