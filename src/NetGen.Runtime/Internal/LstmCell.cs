using System.Runtime.Intrinsics;

namespace NetGen.Internal;

/// <summary>
/// The element-wise pass of one LSTM step over a range of samples, gates in PyTorch's order i, f, g, o:
/// i = σ(aᵢ), f = σ(a_f), g = tanh(a_g), o = σ(aₒ) with a = x_t·W_ihᵀ + h_{t−1}·W_hhᵀ + b_ih + b_hh,
/// c_t = f ⊙ c_{t−1} + i ⊙ g, h_t = o ⊙ tanh(c_t).
/// </summary>
internal static unsafe class LstmCell
{
    /// <summary>Writes i, f, g, o to the gates, c_t and h_t to the states and h_t to the output. <paramref name="recurrent"/>:
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
                PreviousCell = buffers.State(buffers.Cells, sample, step),
                Cell = buffers.State(buffers.Cells, sample, step + 1),
                Hidden = buffers.State(buffers.Hidden, sample, step + 1),
                Output = buffers.OutputRow(sample, step),
            };
            var unit = Vector512.IsHardwareAccelerated ? Forward<Vector512Lanes>(0, buffers.Units, rows) : 0;
            unit = Forward<VectorLanes>(unit, buffers.Units, rows);
            Forward<ScalarLane>(unit, buffers.Units, rows);
        }
    }

    /// <summary>
    /// Writes the gate deltas D_t = ∂L/∂a over the projections and ∂L/∂c_{t−1} = ∂L/∂c_t ⊙ f to the carried cell
    /// gradient. ∂L/∂h_t is the carried D_{t+1}·W_hh plus the output's gradient at step t, ∂L/∂c_t the carried cell
    /// gradient plus what flows through h_t; nothing is carried when <paramref name="carry"/> is false (the last step,
    /// or the state was detached after this step).
    /// </summary>
    public static void Backward(in RecurrentBuffers buffers, int step, bool carry, int first, int end)
    {
        for (var sample = first; sample < end; sample++)
        {
            var carriedCell = RecurrentBuffers.Row(buffers.CarriedCell, sample, buffers.Units);
            var rows = new BackwardRows
            {
                CarriedHidden = carry ? RecurrentBuffers.Row(buffers.Recurrent, sample, buffers.Units) : null,
                CarriedCell = carry ? carriedCell : null,
                Upstream = buffers.OutputRow(sample, step),
                Gates = buffers.GateRow(sample, step),
                PreviousCell = buffers.State(buffers.Cells, sample, step),
                Cell = buffers.State(buffers.Cells, sample, step + 1),
                Delta = buffers.ProjectionRow(sample, step),
                PreviousCellDelta = carriedCell,
            };
            var unit = Vector512.IsHardwareAccelerated ? Backward<Vector512Lanes>(0, buffers.Units, rows) : 0;
            unit = Backward<VectorLanes>(unit, buffers.Units, rows);
            Backward<ScalarLane>(unit, buffers.Units, rows);
        }
    }

    private static int Forward<TLanes>(int unit, int units, in ForwardRows rows)
        where TLanes : struct, ILanes<TLanes>
    {
        for (; unit + TLanes.Count <= units; unit += TLanes.Count)
        {
            var i = TLanes.Sigmoid(RecurrentRows.Sum<TLanes>(rows.Projection, rows.Product, rows.InputBias, rows.RecurrentBias, unit));
            var f = TLanes.Sigmoid(RecurrentRows.Sum<TLanes>(rows.Projection, rows.Product, rows.InputBias, rows.RecurrentBias, units + unit));
            var g = TLanes.Tanh(RecurrentRows.Sum<TLanes>(rows.Projection, rows.Product, rows.InputBias, rows.RecurrentBias, (2 * units) + unit));
            var o = TLanes.Sigmoid(RecurrentRows.Sum<TLanes>(rows.Projection, rows.Product, rows.InputBias, rows.RecurrentBias, (3 * units) + unit));
            var c = (f * TLanes.Load(rows.PreviousCell + unit)) + (i * g);
            var h = o * TLanes.Tanh(c);
            TLanes.Store(i, rows.Gates + unit);
            TLanes.Store(f, rows.Gates + units + unit);
            TLanes.Store(g, rows.Gates + (2 * units) + unit);
            TLanes.Store(o, rows.Gates + (3 * units) + unit);
            TLanes.Store(c, rows.Cell + unit);
            TLanes.Store(h, rows.Hidden + unit);
            RecurrentRows.StoreIfAny(h, rows.Output, unit);
        }

        return unit;
    }

    private static int Backward<TLanes>(int unit, int units, in BackwardRows rows)
        where TLanes : struct, ILanes<TLanes>
    {
        for (; unit + TLanes.Count <= units; unit += TLanes.Count)
        {
            var dh = RecurrentRows.LoadOrZero<TLanes>(rows.CarriedHidden, unit) + RecurrentRows.LoadOrZero<TLanes>(rows.Upstream, unit);
            var i = TLanes.Load(rows.Gates + unit);
            var f = TLanes.Load(rows.Gates + units + unit);
            var g = TLanes.Load(rows.Gates + (2 * units) + unit);
            var o = TLanes.Load(rows.Gates + (3 * units) + unit);
            var tanhC = TLanes.Tanh(TLanes.Load(rows.Cell + unit));
            var dc = RecurrentRows.LoadOrZero<TLanes>(rows.CarriedCell, unit) + (dh * o * (TLanes.One - (tanhC * tanhC)));
            TLanes.Store(dc * g * i * (TLanes.One - i), rows.Delta + unit);
            TLanes.Store(dc * TLanes.Load(rows.PreviousCell + unit) * f * (TLanes.One - f), rows.Delta + units + unit);
            TLanes.Store(dc * i * (TLanes.One - (g * g)), rows.Delta + (2 * units) + unit);
            TLanes.Store(dh * tanhC * o * (TLanes.One - o), rows.Delta + (3 * units) + unit);
            TLanes.Store(dc * f, rows.PreviousCellDelta + unit);
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
        public float* PreviousCell;
        public float* Cell;
        public float* Hidden;
        public float* Output;
    }

    private struct BackwardRows
    {
        public float* CarriedHidden;
        public float* CarriedCell;
        public float* Upstream;
        public float* Gates;
        public float* PreviousCell;
        public float* Cell;
        public float* Delta;
        public float* PreviousCellDelta;
    }
}
