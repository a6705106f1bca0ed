using System.Runtime.Intrinsics;

namespace NetGen.Internal;

/// <summary>
/// The element-wise pass of one GRU step over a range of samples, gates in PyTorch's order r, z, n:
/// r = σ(x·W_irᵀ + b_ir + h·W_hrᵀ + b_hr), z likewise, n = tanh(x·W_inᵀ + b_in + r ⊙ (h·W_hnᵀ + b_hn)),
/// h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}, with h = h_{t−1}.
/// </summary>
internal static unsafe class GruCell
{
    /// <summary>Writes r, z, n and h·W_hnᵀ + b_hn to the gates, h_t to the states and the output. <paramref name="recurrent"/>:
    /// whether the recurrent product holds h_{t−1}·W_hhᵀ (false at step 0, where h_{−1} = 0).</summary>
    public static void Forward(in RecurrentBuffers buffers, int step, bool recurrent, int first, int end)
    {
        for (var sample = first; sample < end; sample++)
        {
            var rows = new ForwardRows
            {
                Projection = buffers.ProjectionRow(sample, step),
                Product = recurrent ? RecurrentBuffers.Row(buffers.Recurrent, sample, buffers.GateUnits) : null,
                InputBias = buffers.InputBias,
                RecurrentBias = buffers.RecurrentBias,
                Gates = buffers.GateRow(sample, step),
                PreviousHidden = buffers.State(buffers.Hidden, sample, step),
                Hidden = buffers.State(buffers.Hidden, sample, step + 1),
                Output = buffers.OutputRow(sample, step),
            };
            var unit = Vector512.IsHardwareAccelerated ? Forward<Vector512Lanes>(0, buffers.Units, rows) : 0;
            unit = Forward<VectorLanes>(unit, buffers.Units, rows);
            Forward<ScalarLane>(unit, buffers.Units, rows);
        }
    }

    /// <summary>
    /// Writes the input-side gate deltas (∂L/∂ of r's, z's and n's pre-activations) over the projections, the
    /// recurrent-side ones (the same, but r ⊙ ∂L/∂aₙ for n) to the gate deltas, and ∂L/∂h_t ⊙ z, the part of
    /// ∂L/∂h_{t−1} that skips W_hh, to the carried hidden gradient. ∂L/∂h_t is the carried D_{t+1}·W_hh and direct
    /// part (when <paramref name="carry"/>) plus the output's gradient at step t.
    /// </summary>
    public static void Backward(in RecurrentBuffers buffers, int step, bool carry, int first, int end)
    {
        for (var sample = first; sample < end; sample++)
        {
            var carriedHidden = RecurrentBuffers.Row(buffers.CarriedHidden, sample, buffers.Units);
            var rows = new BackwardRows
            {
                CarriedProduct = carry ? RecurrentBuffers.Row(buffers.Recurrent, sample, buffers.Units) : null,
                CarriedHidden = carry ? carriedHidden : null,
                Upstream = buffers.OutputRow(sample, step),
                Gates = buffers.GateRow(sample, step),
                PreviousHidden = buffers.State(buffers.Hidden, sample, step),
                InputDelta = buffers.ProjectionRow(sample, step),
                RecurrentDelta = buffers.GateDeltaRow(sample, step),
                PreviousHiddenDelta = carriedHidden,
            };
            var unit = Vector512.IsHardwareAccelerated ? Backward<Vector512Lanes>(0, buffers.Units, rows) : 0;
            unit = Backward<VectorLanes>(unit, buffers.Units, rows);
            Backward<ScalarLane>(unit, buffers.Units, rows);
        }
    }

    private static int Forward<TLanes>(int unit, int units, in ForwardRows rows)
        where TLanes : struct, ILanes<TLanes>
    {
        var n0 = 2 * units;
        for (; unit + TLanes.Count <= units; unit += TLanes.Count)
        {
            var r = TLanes.Sigmoid(RecurrentRows.Sum<TLanes>(rows.Projection, rows.Product, rows.InputBias, rows.RecurrentBias, unit));
            var z = TLanes.Sigmoid(RecurrentRows.Sum<TLanes>(rows.Projection, rows.Product, rows.InputBias, rows.RecurrentBias, units + unit));
            var hn = RecurrentRows.LoadOrZero<TLanes>(rows.Product, n0 + unit) + RecurrentRows.LoadOrZero<TLanes>(rows.RecurrentBias, n0 + unit);
            var an = TLanes.Load(rows.Projection + n0 + unit) + RecurrentRows.LoadOrZero<TLanes>(rows.InputBias, n0 + unit);
            var n = TLanes.Tanh(an + (r * hn));
            var h = n + (z * (TLanes.Load(rows.PreviousHidden + unit) - n));
            TLanes.Store(r, rows.Gates + unit);
            TLanes.Store(z, rows.Gates + units + unit);
            TLanes.Store(n, rows.Gates + n0 + unit);
            TLanes.Store(hn, rows.Gates + (3 * units) + unit);
            TLanes.Store(h, rows.Hidden + unit);
            RecurrentRows.StoreIfAny(h, rows.Output, unit);
        }

        return unit;
    }

    private static int Backward<TLanes>(int unit, int units, in BackwardRows rows)
        where TLanes : struct, ILanes<TLanes>
    {
        var n0 = 2 * units;
        for (; unit + TLanes.Count <= units; unit += TLanes.Count)
        {
            var dh = RecurrentRows.LoadOrZero<TLanes>(rows.CarriedProduct, unit) + RecurrentRows.LoadOrZero<TLanes>(rows.CarriedHidden, unit)
                + RecurrentRows.LoadOrZero<TLanes>(rows.Upstream, unit);
            var r = TLanes.Load(rows.Gates + unit);
            var z = TLanes.Load(rows.Gates + units + unit);
            var n = TLanes.Load(rows.Gates + n0 + unit);
            var hn = TLanes.Load(rows.Gates + (3 * units) + unit);
            var dn = dh * (TLanes.One - z) * (TLanes.One - (n * n));
            var dz = dh * (TLanes.Load(rows.PreviousHidden + unit) - n) * z * (TLanes.One - z);
            var dr = dn * hn * r * (TLanes.One - r);
            TLanes.Store(dr, rows.InputDelta + unit);
            TLanes.Store(dz, rows.InputDelta + units + unit);
            TLanes.Store(dn, rows.InputDelta + n0 + unit);
            TLanes.Store(dr, rows.RecurrentDelta + unit);
            TLanes.Store(dz, rows.RecurrentDelta + units + unit);
            TLanes.Store(dn * r, rows.RecurrentDelta + n0 + unit);
            TLanes.Store(dh * z, rows.PreviousHiddenDelta + unit);
        }

        return unit;
    }

    private struct ForwardRows
    {
        public float* Projection;
        public float* Product;
        public float* InputBias;
        public float* RecurrentBias;
        public float* Gates;
        public float* PreviousHidden;
        public float* Hidden;
        public float* Output;
    }

    private struct BackwardRows
    {
        public float* CarriedProduct;
        public float* CarriedHidden;
        public float* Upstream;
        public float* Gates;
        public float* PreviousHidden;
        public float* InputDelta;
        public float* RecurrentDelta;
        public float* PreviousHiddenDelta;
    }
}
