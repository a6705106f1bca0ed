using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Internal;

/// <summary>
/// a = f(z) over a run of values, the transcendental activations (tanh, the logistic sigmoid) vectorised with the
/// recurrent cells' lanes: 16 values at a time where 512-bit vectors are fast, a <see cref="Vector{T}"/> at a time
/// otherwise, and the scalar activation for the few left at the end (within 2e-7 of the lanes). A dense layer of
/// batch × units and a convolution's output plane go through it; MathF.Tanh per value cost most of a small network's step.
/// </summary>
internal static unsafe class ActivationSpans
{
    /// <summary>Whether <see cref="Apply"/> vectorises <typeparamref name="TActivation"/>; callers keep their own path for the rest.</summary>
    public static bool Vectorizes<TActivation>()
        where TActivation : struct, IActivation =>
        typeof(TActivation) == typeof(TanhActivation) || typeof(TActivation) == typeof(SigmoidActivation);

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

        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= count - VectorLanes.Count; i += VectorLanes.Count)
            {
                VectorLanes.Store(VectorLanes.Activate(VectorLanes.Load(z + i), activation), a + i);
            }
        }

        for (; i < count; i++)
        {
            a[i] = activation.Apply(z[i]);
        }
    }
}
