using System;
using System.ComponentModel;
using System.Numerics;
using NetGen.Cpu;

namespace NetGen.Internal;

/// <summary>
/// Forward and backward (through time) of a recurrent layer, one of PyTorch's nn.RNN, nn.LSTM and nn.GRU with one
/// layer, batch_first and zero initial states (see <see cref="RecurrentShape"/>): inputs [batch, T, F], weights
/// W_ih [G·H, F] and W_hh [G·H, H], biases b_ih and b_hh [G·H] in PyTorch's layout and gate order, output
/// [batch, T, H] or [batch, H].
/// </summary>
/// <remarks>
/// <para>
/// The forward pass computes x·W_ihᵀ for every sample and step in one product over batch·T rows; then, step after step,
/// h_{t−1}·W_hhᵀ for the whole batch and every gate in one product, and one element-wise pass that adds the biases,
/// applies the nonlinearities and updates the states. The backward pass walks the steps in reverse: one element-wise
/// pass that turns ∂L/∂h_t (and ∂L/∂c_t) into the step's gate deltas D_t, and one product D_t·W_hh that carries the
/// gradient to h_{t−1}. The weight gradients are then one product each over batch·T rows: ∂L/∂W_ih = Dᵀ·X,
/// ∂L/∂W_hh = Dᵀ·H_prev, and ∂L/∂x = D·W_ih. Products run on <see cref="MatrixMultiply"/>'s kernels and the
/// element-wise passes are vectorised and split over the batch on the worker pool; every result is computed in an
/// order fixed by the shapes, so it does not depend on the number of threads. After a thread's first call, calls
/// allocate no managed memory.
/// </para>
/// <para>
/// Layouts, all batch-major (T steps, H units, G gates; "row (b, t)" is row b·T + t):
/// <list type="bullet">
/// <item><c>projections</c> [batch, T, G·H]: after the forward pass x_t·W_ihᵀ (the biases are added in each step's
/// pass, not here); after the backward pass the input-side gate deltas ∂L/∂(x_t·W_ihᵀ).</item>
/// <item><c>gates</c> [batch, T, S]: SimpleRnn the pre-activations z_t (S = H); LSTM i, f, g, o after their
/// nonlinearities (S = 4H); GRU r, z, n after their nonlinearities and h_{t−1}·W_hnᵀ + b_hn (S = 4H).</item>
/// <item><c>states</c>: the hidden states as [batch, T, H], row (b, t) holding h_{t−1} (the state entering step t,
/// zeros for t = 0), followed by [batch, H] holding h_{T−1}; LSTM's cell states follow in the same layout. So the
/// states entering the T steps form one [batch·T, H] matrix, the operand of ∂L/∂W_hh.</item>
/// <item><c>gateDeltas</c> (GRU only) [batch, T, 3H]: the recurrent-side gate deltas, which differ from the input
/// side in the n gate (r ⊙ ∂L/∂aₙ).</item>
/// <item><c>step</c>: [batch, G·H] for the step's recurrent product (forward h_{t−1}·W_hhᵀ; backward
/// D_{t+1}·W_hh in its first batch·H floats), then [batch, H] of GRU's carried ∂L/∂h, then [batch, H] of LSTM's
/// carried ∂L/∂c.</item>
/// </list>
/// </para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class RecurrentKernels
{
    /// <summary>Runs the layer over a batch of sequences, keeping what <see cref="Backward"/> needs in the buffers.</summary>
    /// <param name="shape">The layer's sizes.</param>
    /// <param name="input">x, [batch, T, F].</param>
    /// <param name="inputWeight">W_ih, [G·H, F].</param>
    /// <param name="recurrentWeight">W_hh, [G·H, H].</param>
    /// <param name="inputBias">b_ih, [G·H]; empty for none.</param>
    /// <param name="recurrentBias">b_hh, [G·H]; empty for none.</param>
    /// <param name="projections">batch·<see cref="RecurrentShape.ProjectionSize"/> floats; overwritten.</param>
    /// <param name="gates">batch·<see cref="RecurrentShape.GateSize"/> floats; overwritten.</param>
    /// <param name="states">batch·<see cref="RecurrentShape.StateSize"/> floats; overwritten.</param>
    /// <param name="step">batch·<see cref="RecurrentShape.StepSize"/> floats of scratch.</param>
    /// <param name="output">[batch, T, H] of every h_t with <see cref="RecurrentShape.ReturnSequences"/>, else [batch, H] of
    /// h_{T−1}; overwritten.</param>
    /// <param name="batch">Samples; at least 1.</param>
    /// <param name="activation">SimpleRnn's f (PyTorch's default is tanh); ignored by LSTM and GRU.</param>
    /// <exception cref="ArgumentException">A span is shorter than its tensor, or a written span overlaps another span.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="shape"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batch"/> is less than 1.</exception>
    public static void Forward<TActivation>(RecurrentShape shape,
        ReadOnlySpan<float> input, ReadOnlySpan<float> inputWeight, ReadOnlySpan<float> recurrentWeight,
        ReadOnlySpan<float> inputBias, ReadOnlySpan<float> recurrentBias,
        Span<float> projections, Span<float> gates, Span<float> states, Span<float> step,
        Span<float> output, int batch, TActivation activation)
        where TActivation : struct, IActivation
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batch);
        input = Require(input, (long)batch * shape.InputSize, nameof(input));
        inputWeight = Require(inputWeight, shape.InputWeightLength, nameof(inputWeight));
        recurrentWeight = Require(recurrentWeight, shape.RecurrentWeightLength, nameof(recurrentWeight));
        inputBias = RequireOptional(inputBias, shape.BiasLength, nameof(inputBias));
        recurrentBias = RequireOptional(recurrentBias, shape.BiasLength, nameof(recurrentBias));
        projections = Require(projections, (long)batch * shape.ProjectionSize, nameof(projections));
        gates = Require(gates, (long)batch * shape.GateSize, nameof(gates));
        states = Require(states, (long)batch * shape.StateSize, nameof(states));
        step = Require(step, (long)batch * shape.StepSize, nameof(step));
        output = Require(output, (long)batch * shape.OutputSize, nameof(output));

        RequireDisjoint(projections, nameof(projections), input, inputWeight, recurrentWeight, inputBias, recurrentBias, gates, states);
        RequireDisjoint(projections, nameof(projections), step, output);
        RequireDisjoint(gates, nameof(gates), input, inputWeight, recurrentWeight, inputBias, recurrentBias, states, step);
        RequireDisjoint(gates, nameof(gates), output);
        RequireDisjoint(states, nameof(states), input, inputWeight, recurrentWeight, inputBias, recurrentBias, step, output);
        RequireDisjoint(step, nameof(step), input, inputWeight, recurrentWeight, inputBias, recurrentBias, output);
        RequireDisjoint(output, nameof(output), input, inputWeight, recurrentWeight, inputBias, recurrentBias);

        var steps = shape.Steps;
        var units = shape.Units;
        var gateUnits = shape.GateUnits;
        var kernel = MatrixMultiplyKernels.Best;
        fixed (float* x = input, wih = inputWeight, whh = recurrentWeight, bih = inputBias, bhh = recurrentBias)
        fixed (float* p = projections, g = gates, s = states, scratch = step, o = output)
        {
            var buffers = Buffers(shape, batch, p, g, s, scratch, o);
            buffers.InputBias = inputBias.IsEmpty ? null : bih;
            buffers.RecurrentBias = recurrentBias.IsEmpty ? null : bhh;

            MatrixMultiplyJob.Multiply(x, shape.Features, 1, wih, shape.Features, 1, p, batch * steps, gateUnits, shape.Features, kernel);
            for (var sample = 0; sample < batch; sample++)
            {
                new Span<float>(buffers.State(buffers.Hidden, sample, 0), units).Clear();
                if (buffers.Cells != null)
                {
                    new Span<float>(buffers.State(buffers.Cells, sample, 0), units).Clear();
                }
            }

            for (var t = 0; t < steps; t++)
            {
                if (t > 0)
                {
                    // h_{t−1}·W_hhᵀ: the batch's states entering step t are rows T·H apart.
                    MatrixMultiplyJob.Multiply(
                        buffers.State(buffers.Hidden, 0, t), (nint)steps * units, 1, whh, units, 1, buffers.Recurrent,
                        batch, gateUnits, units, kernel);
                }

                RecurrentStepJob<TActivation>.Run(buffers, t, carry: t > 0, backward: false, activation);
            }
        }
    }

    /// <summary>
    /// Backpropagation through time (truncated where <see cref="RecurrentShape.Truncation"/> says), right after
    /// <see cref="Forward"/> of the same batch: overwrites the weight and bias gradients with ∂L/∂W_ih, ∂L/∂W_hh,
    /// ∂L/∂b_ih, ∂L/∂b_hh, and writes ∂L/∂x.
    /// </summary>
    /// <param name="shape">The layer's sizes.</param>
    /// <param name="input">x, [batch, T, F], as given to <see cref="Forward"/>.</param>
    /// <param name="inputWeight">W_ih, [G·H, F].</param>
    /// <param name="recurrentWeight">W_hh, [G·H, H].</param>
    /// <param name="recurrentBias">b_hh, [G·H], or empty for none. Not read: GRU's gates already hold h·W_hnᵀ + b_hn.</param>
    /// <param name="projections">As <see cref="Forward"/> left it; overwritten with the input-side gate deltas.</param>
    /// <param name="gates">As <see cref="Forward"/> left it.</param>
    /// <param name="states">As <see cref="Forward"/> left it.</param>
    /// <param name="gateDeltas">GRU: batch·<see cref="RecurrentShape.GateDeltaSize"/> floats, overwritten; ignored (may be
    /// empty) for the other cells.</param>
    /// <param name="step">The scratch given to <see cref="Forward"/> or one of the same size; overwritten.</param>
    /// <param name="outputDelta">∂L/∂output, shaped like the output.</param>
    /// <param name="inputWeightGradient">∂L/∂W_ih, [G·H, F]; overwritten.</param>
    /// <param name="recurrentWeightGradient">∂L/∂W_hh, [G·H, H]; overwritten.</param>
    /// <param name="inputBiasGradient">∂L/∂b_ih, [G·H]; overwritten. Empty for none.</param>
    /// <param name="recurrentBiasGradient">∂L/∂b_hh, [G·H]; overwritten. Empty for none.</param>
    /// <param name="inputDelta">∂L/∂x, [batch, T, F]; overwritten. Empty to skip it (nothing below needs it).</param>
    /// <param name="batch">Samples; at least 1.</param>
    /// <param name="activation">SimpleRnn's f, as given to <see cref="Forward"/>; ignored by LSTM and GRU.</param>
    /// <exception cref="ArgumentException">A span is shorter than its tensor, or a written span overlaps another span.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="shape"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batch"/> is less than 1.</exception>
    public static void Backward<TActivation>(RecurrentShape shape,
        ReadOnlySpan<float> input, ReadOnlySpan<float> inputWeight, ReadOnlySpan<float> recurrentWeight,
        ReadOnlySpan<float> recurrentBias,
        Span<float> projections, ReadOnlySpan<float> gates, ReadOnlySpan<float> states, Span<float> gateDeltas, Span<float> step,
        ReadOnlySpan<float> outputDelta,
        Span<float> inputWeightGradient, Span<float> recurrentWeightGradient,
        Span<float> inputBiasGradient, Span<float> recurrentBiasGradient,
        Span<float> inputDelta,
        int batch, TActivation activation)
        where TActivation : struct, IActivation
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batch);
        var isGru = shape.Cell == RecurrentCell.Gru;
        input = Require(input, (long)batch * shape.InputSize, nameof(input));
        inputWeight = Require(inputWeight, shape.InputWeightLength, nameof(inputWeight));
        recurrentWeight = Require(recurrentWeight, shape.RecurrentWeightLength, nameof(recurrentWeight));
        recurrentBias = RequireOptional(recurrentBias, shape.BiasLength, nameof(recurrentBias));
        projections = Require(projections, (long)batch * shape.ProjectionSize, nameof(projections));
        gates = Require(gates, (long)batch * shape.GateSize, nameof(gates));
        states = Require(states, (long)batch * shape.StateSize, nameof(states));
        gateDeltas = isGru ? Require(gateDeltas, (long)batch * shape.GateDeltaSize, nameof(gateDeltas)) : default;
        step = Require(step, (long)batch * shape.StepSize, nameof(step));
        outputDelta = Require(outputDelta, (long)batch * shape.OutputSize, nameof(outputDelta));
        inputWeightGradient = Require(inputWeightGradient, shape.InputWeightLength, nameof(inputWeightGradient));
        recurrentWeightGradient = Require(recurrentWeightGradient, shape.RecurrentWeightLength, nameof(recurrentWeightGradient));
        inputBiasGradient = RequireOptional(inputBiasGradient, shape.BiasLength, nameof(inputBiasGradient));
        recurrentBiasGradient = RequireOptional(recurrentBiasGradient, shape.BiasLength, nameof(recurrentBiasGradient));
        inputDelta = RequireOptional(inputDelta, (long)batch * shape.InputSize, nameof(inputDelta));

        RequireDisjoint(projections, nameof(projections), input, inputWeight, recurrentWeight, recurrentBias, gates, states, outputDelta);
        RequireDisjoint(projections, nameof(projections), gateDeltas, step, inputWeightGradient, recurrentWeightGradient, inputBiasGradient, recurrentBiasGradient, inputDelta);
        RequireDisjoint(gateDeltas, nameof(gateDeltas), input, inputWeight, recurrentWeight, recurrentBias, gates, states, outputDelta);
        RequireDisjoint(gateDeltas, nameof(gateDeltas), step, inputWeightGradient, recurrentWeightGradient, inputBiasGradient, recurrentBiasGradient, inputDelta);
        RequireDisjoint(step, nameof(step), input, inputWeight, recurrentWeight, recurrentBias, gates, states, outputDelta);
        RequireDisjoint(step, nameof(step), inputWeightGradient, recurrentWeightGradient, inputBiasGradient, recurrentBiasGradient, inputDelta);
        RequireDisjoint(inputWeightGradient, nameof(inputWeightGradient), input, inputWeight, recurrentWeight, recurrentBias, gates, states, outputDelta);
        RequireDisjoint(inputWeightGradient, nameof(inputWeightGradient), recurrentWeightGradient, inputBiasGradient, recurrentBiasGradient, inputDelta);
        RequireDisjoint(recurrentWeightGradient, nameof(recurrentWeightGradient), input, inputWeight, recurrentWeight, recurrentBias, gates, states, outputDelta);
        RequireDisjoint(recurrentWeightGradient, nameof(recurrentWeightGradient), inputBiasGradient, recurrentBiasGradient, inputDelta);
        RequireDisjoint(inputBiasGradient, nameof(inputBiasGradient), input, inputWeight, recurrentWeight, recurrentBias, gates, states, outputDelta);
        RequireDisjoint(inputBiasGradient, nameof(inputBiasGradient), recurrentBiasGradient, inputDelta);
        RequireDisjoint(recurrentBiasGradient, nameof(recurrentBiasGradient), input, inputWeight, recurrentWeight, recurrentBias, gates, states, outputDelta);
        RequireDisjoint(recurrentBiasGradient, nameof(recurrentBiasGradient), inputDelta);
        RequireDisjoint(inputDelta, nameof(inputDelta), input, inputWeight, recurrentWeight, recurrentBias, gates, states, outputDelta);

        var steps = shape.Steps;
        var units = shape.Units;
        var gateUnits = shape.GateUnits;
        var features = shape.Features;
        var rows = batch * steps;
        var kernel = MatrixMultiplyKernels.Best;
        fixed (float* x = input, wih = inputWeight, whh = recurrentWeight, p = projections, g = gates, s = states)
        fixed (float* gd = gateDeltas, scratch = step, od = outputDelta, dwih = inputWeightGradient, dwhh = recurrentWeightGradient)
        fixed (float* dbih = inputBiasGradient, dbhh = recurrentBiasGradient, dx = inputDelta)
        {
            var buffers = Buffers(shape, batch, p, g, s, scratch, od);
            buffers.GateDeltas = isGru ? gd : null;

            // The recurrent-side deltas: GRU's own buffer, else the projections' (the same deltas).
            var recurrentDeltas = isGru ? gd : p;
            var carry = false;
            for (var t = steps - 1; t >= 0; t--)
            {
                RecurrentStepJob<TActivation>.Run(buffers, t, carry, backward: true, activation);
                carry = t > 0 && !shape.CutsBefore(t);
                if (carry)
                {
                    // D_t·W_hh, what step t − 1 receives through W_hh: the batch's rows of step t are T·G·H apart.
                    MatrixMultiplyJob.Multiply(
                        recurrentDeltas + ((nint)t * gateUnits), (nint)steps * gateUnits, 1, whh, 1, units, buffers.Recurrent,
                        batch, units, gateUnits, kernel);
                }
            }

            // ∂L/∂W_ih = Dᵀ·X and ∂L/∂W_hh = Dᵀ·H_prev, over every sample and step at once.
            MatrixMultiplyJob.Multiply(p, 1, gateUnits, x, 1, features, dwih, gateUnits, features, rows, kernel);
            MatrixMultiplyJob.Multiply(recurrentDeltas, 1, gateUnits, buffers.Hidden, 1, units, dwhh, gateUnits, units, rows, kernel);
            if (!inputDelta.IsEmpty)
            {
                MatrixMultiplyJob.Multiply(p, gateUnits, 1, wih, 1, features, dx, rows, features, gateUnits, kernel);
            }

            if (!inputBiasGradient.IsEmpty)
            {
                SumRows(p, rows, gateUnits, dbih);
            }

            if (!recurrentBiasGradient.IsEmpty)
            {
                if (isGru || inputBiasGradient.IsEmpty)
                {
                    SumRows(recurrentDeltas, rows, gateUnits, dbhh);
                }
                else
                {
                    inputBiasGradient.CopyTo(recurrentBiasGradient);
                }
            }
        }
    }

    private static RecurrentBuffers Buffers(RecurrentShape shape, int batch, float* projections, float* gates, float* states, float* step, float* output)
    {
        var units = shape.Units;
        var gateUnits = shape.GateUnits;
        var hiddenLength = (nint)batch * (shape.Steps + 1) * units;
        return new RecurrentBuffers
        {
            Cell = shape.Cell,
            Batch = batch,
            Steps = shape.Steps,
            Units = units,
            GateUnits = gateUnits,
            GateStride = shape.GateStride,
            ReturnSequences = shape.ReturnSequences,
            Projections = projections,
            Gates = gates,
            Hidden = states,
            Cells = shape.Cell == RecurrentCell.Lstm ? states + hiddenLength : null,
            Recurrent = step,
            CarriedHidden = step + ((nint)batch * gateUnits),
            CarriedCell = step + ((nint)batch * (gateUnits + units)),
            Output = output,
        };
    }

    /// <summary>Column sums of a [<paramref name="count"/>, <paramref name="width"/>] matrix, written to <paramref name="sums"/>.</summary>
    private static void SumRows(float* rows, int count, int width, float* sums)
    {
        new ReadOnlySpan<float>(rows, width).CopyTo(new Span<float>(sums, width));
        var vectorEnd = width - (width % Vector<float>.Count);
        for (var row = 1; row < count; row++)
        {
            var source = rows + ((nint)row * width);
            var column = 0;
            for (; column < vectorEnd; column += Vector<float>.Count)
            {
                Vector.Store(Vector.Load(sums + column) + Vector.Load(source + column), sums + column);
            }

            for (; column < width; column++)
            {
                sums[column] += source[column];
            }
        }
    }

    private static ReadOnlySpan<float> Require(ReadOnlySpan<float> span, long length, string name)
    {
        if (span.Length < length)
        {
            ThrowTooShort(span.Length, length, name);
        }

        return span[..(int)length];
    }

    private static Span<float> Require(Span<float> span, long length, string name)
    {
        if (span.Length < length)
        {
            ThrowTooShort(span.Length, length, name);
        }

        return span[..(int)length];
    }

    private static ReadOnlySpan<float> RequireOptional(ReadOnlySpan<float> span, long length, string name) =>
        span.IsEmpty ? span : Require(span, length, name);

    private static Span<float> RequireOptional(Span<float> span, long length, string name) =>
        span.IsEmpty ? span : Require(span, length, name);

    private static void RequireDisjoint(
        ReadOnlySpan<float> written, string name, ReadOnlySpan<float> first, ReadOnlySpan<float> second = default,
        ReadOnlySpan<float> third = default, ReadOnlySpan<float> fourth = default, ReadOnlySpan<float> fifth = default,
        ReadOnlySpan<float> sixth = default, ReadOnlySpan<float> seventh = default)
    {
        if (written.Overlaps(first) || written.Overlaps(second) || written.Overlaps(third) || written.Overlaps(fourth)
            || written.Overlaps(fifth) || written.Overlaps(sixth) || written.Overlaps(seventh))
        {
            throw new ArgumentException($"{name} overlaps another argument; it must be a buffer of its own.", name);
        }
    }

    private static void ThrowTooShort(int length, long required, string name) =>
        throw new ArgumentException($"{name} holds {Plural.Of(length, "float")} but needs {required}.", name);
}
