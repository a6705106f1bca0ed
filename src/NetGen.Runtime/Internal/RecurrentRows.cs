using System.Runtime.CompilerServices;

namespace NetGen.Internal;

/// <summary>The loads the cells' element-wise passes share.</summary>
internal static unsafe class RecurrentRows
{
    /// <summary>
    /// A gate's pre-activation at <paramref name="offset"/>: x·W_ihᵀ + h·W_hhᵀ + b_ih + b_hh, each term after the first
    /// left out where its pointer is null (the first step, which has no recurrent product; a layer without biases).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TLanes Sum<TLanes>(float* projection, float* recurrent, float* inputBias, float* recurrentBias, int offset)
        where TLanes : struct, ILanes<TLanes>
    {
        var value = TLanes.Load(projection + offset);
        if (recurrent != null)
        {
            value += TLanes.Load(recurrent + offset);
        }

        if (inputBias != null)
        {
            value += TLanes.Load(inputBias + offset);
        }

        if (recurrentBias != null)
        {
            value += TLanes.Load(recurrentBias + offset);
        }

        return value;
    }

    /// <summary>The values at <paramref name="offset"/>, or zeros where <paramref name="source"/> is null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TLanes LoadOrZero<TLanes>(float* source, int offset)
        where TLanes : struct, ILanes<TLanes> =>
        source == null ? TLanes.Zero : TLanes.Load(source + offset);

    /// <summary>Stores where <paramref name="destination"/> is not null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreIfAny<TLanes>(TLanes value, float* destination, int offset)
        where TLanes : struct, ILanes<TLanes>
    {
        if (destination != null)
        {
            TLanes.Store(value, destination + offset);
        }
    }
}
