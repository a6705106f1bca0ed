using System.Runtime.Intrinsics;

namespace NetGen.Internal;

/// <summary>
/// The element-wise pass of one step of Elman's cell over a range of samples: z_t = x_t·W_ihᵀ + h_{t−1}·W_hhᵀ + b_ih + b_hh,
/// h_t = f(z_t); backward, D_t = ∂L/∂z_t = ∂L/∂h_t ⊙ f'(z_t).
/// </summary>
internal static unsafe class SimpleRnnCell
{
    /// <summary>Writes z_t to the gates, h_t to the states and the output. <paramref name="recurrent"/>: whether the
    /// recurrent product holds h_{t−1}·W_hhᵀ (false at step 0, where h_{−1} = 0).</summary>
    public static void Forward<TActivation>(in RecurrentBuffers buffers, int step, bool recurrent, int first, int end, TActivation activation)
        where TActivation : struct, IActivation
    {
        for (var sample = first; sample < end; sample++)
        {
            var projection = buffers.ProjectionRow(sample, step);
            var product = recurrent ? RecurrentBuffers.Row(buffers.Recurrent, sample, buffers.GateUnits) : null;
            var preActivation = buffers.GateRow(sample, step);
            var hidden = buffers.State(buffers.Hidden, sample, step + 1);
            var output = buffers.OutputRow(sample, step);
            var unit = 0;
            if (VectorLanes.Supports<TActivation>())
            {
                if (Vector512.IsHardwareAccelerated)
                {
                    unit = Forward<Vector512Lanes, TActivation>(
                        unit, buffers.Units, projection, product, buffers.InputBias, buffers.RecurrentBias, preActivation, hidden, output, activation);
                }

                unit = Forward<VectorLanes, TActivation>(
                    unit, buffers.Units, projection, product, buffers.InputBias, buffers.RecurrentBias, preActivation, hidden, output, activation);
            }

            Forward<ScalarLane, TActivation>(
                unit, buffers.Units, projection, product, buffers.InputBias, buffers.RecurrentBias, preActivation, hidden, output, activation);
        }
    }

    /// <summary>
    /// Writes D_t over the projections. ∂L/∂h_t is the carried D_{t+1}·W_hh (when <paramref name="carry"/>) plus the
    /// output's gradient at step t (where the output has a row for it).
    /// </summary>
    public static void Backward<TActivation>(in RecurrentBuffers buffers, int step, bool carry, int first, int end, TActivation activation)
        where TActivation : struct, IActivation
    {
        for (var sample = first; sample < end; sample++)
        {
            var carried = carry ? RecurrentBuffers.Row(buffers.Recurrent, sample, buffers.Units) : null;
            var upstream = buffers.OutputRow(sample, step);
            var preActivation = buffers.GateRow(sample, step);
            var hidden = buffers.State(buffers.Hidden, sample, step + 1);
            var delta = buffers.ProjectionRow(sample, step);
            var unit = 0;
            if (VectorLanes.Supports<TActivation>())
            {
                if (Vector512.IsHardwareAccelerated)
                {
                    unit = Backward<Vector512Lanes, TActivation>(unit, buffers.Units, carried, upstream, preActivation, hidden, delta, activation);
                }

                unit = Backward<VectorLanes, TActivation>(unit, buffers.Units, carried, upstream, preActivation, hidden, delta, activation);
            }

            Backward<ScalarLane, TActivation>(unit, buffers.Units, carried, upstream, preActivation, hidden, delta, activation);
        }
    }

    private static int Forward<TLanes, TActivation>(
        int unit, int units, float* projection, float* product, float* inputBias, float* recurrentBias,
        float* preActivation, float* hidden, float* output, TActivation activation)
        where TLanes : struct, ILanes<TLanes>
        where TActivation : struct, IActivation
    {
        for (; unit + TLanes.Count <= units; unit += TLanes.Count)
        {
            var z = RecurrentRows.Sum<TLanes>(projection, product, inputBias, recurrentBias, unit);
            var h = TLanes.Activate(z, activation);
            TLanes.Store(z, preActivation + unit);
            TLanes.Store(h, hidden + unit);
            RecurrentRows.StoreIfAny(h, output, unit);
        }

        return unit;
    }

    private static int Backward<TLanes, TActivation>(
        int unit, int units, float* carried, float* upstream, float* preActivation, float* hidden, float* delta, TActivation activation)
        where TLanes : struct, ILanes<TLanes>
        where TActivation : struct, IActivation
    {
        for (; unit + TLanes.Count <= units; unit += TLanes.Count)
        {
            var dh = RecurrentRows.LoadOrZero<TLanes>(carried, unit) + RecurrentRows.LoadOrZero<TLanes>(upstream, unit);
            var derivative = TLanes.Derivative(TLanes.Load(preActivation + unit), TLanes.Load(hidden + unit), activation);
            TLanes.Store(dh * derivative, delta + unit);
        }

        return unit;
    }
}
