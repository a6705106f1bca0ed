using System;
using System.Threading;
using NetGen.Internal;

namespace NetGen.Cpu;

/// <summary>
/// The backward pass of a batch, by groups of consecutive samples. For each sample: its weight gradient (the direct
/// kernel for stride 1, δ·im2col(x)ᵀ otherwise) and bias gradient Σ δ, added to its group's in sample order; and,
/// unless the input delta is not wanted, Wᵀ·δ scattered back onto the input by col2im.
/// </summary>
/// <remarks>
/// The groups depend only on the batch size, never on the number of threads, and the caller adds the groups' sums
/// in group order, so every gradient is bit-identical whatever the threads.
/// </remarks>
internal sealed unsafe class Conv2DBackwardJob : WorkerPoolJob
{
    /// <summary>The most groups a batch is cut into, and so the most threads a backward pass uses.</summary>
    public const int MaxGroups = 16;

    [ThreadStatic]
    private static Conv2DBackwardJob? t_current;

    private float* _input;
    private float* _weight;
    private float* _delta;
    private float* _inputDelta;
    private float* _weightGradient;
    private float* _biasGradient;
    private float* _partialWeightGradients;
    private float* _partialBiasGradients;
    private int* _offsets;
    private int _batch;
    private int _groups;
    private Conv2DShape _shape;
    private Conv2DDirectLayout _layout;
    private bool _direct;
    private int _nextGroup;

    /// <summary>The number of groups for a batch: at most <see cref="MaxGroups"/>, and few enough that the partial
    /// gradients of all but the first fit in one buffer.</summary>
    public static int GroupCount(int batch, in Conv2DShape shape) =>
        Math.Min(Math.Min(batch, MaxGroups), 1 + (int.MaxValue / shape.WeightLength));

    /// <summary>
    /// Runs the batch on the pool's threads; the pointers must stay valid until this returns. Group 0's gradients go to
    /// <paramref name="weightGradient"/> and <paramref name="biasGradient"/> (null: no bias), group g's (g ≥ 1) to
    /// <paramref name="partialWeightGradients"/> + (g − 1)·WeightLength and <paramref name="partialBiasGradients"/> +
    /// (g − 1)·Filters. <paramref name="inputDelta"/> may be null; <paramref name="offsets"/> holds the direct kernel's
    /// tap offsets when it applies.
    /// </summary>
    public static void Run(
        float* input, float* weight, float* delta, float* weightGradient, float* biasGradient,
        float* partialWeightGradients, float* partialBiasGradients, float* inputDelta, int* offsets, int batch,
        in Conv2DShape shape)
    {
        var job = t_current ??= new Conv2DBackwardJob();
        job._input = input;
        job._weight = weight;
        job._delta = delta;
        job._weightGradient = weightGradient;
        job._biasGradient = biasGradient;
        job._partialWeightGradients = partialWeightGradients;
        job._partialBiasGradients = partialBiasGradients;
        job._inputDelta = inputDelta;
        job._offsets = offsets;
        job._batch = batch;
        job._groups = GroupCount(batch, shape);
        job._shape = shape;
        job._direct = Conv2DDirectLayout.Applies(shape);
        job._layout = job._direct ? new Conv2DDirectLayout(shape) : default;
        job._nextGroup = 0;
        try
        {
            var warm = Conv2DScratch.Current.IsWarm(shape, kind: inputDelta == null ? 1 : 2);
            WorkerPool.Run(job, warm ? Math.Min(Conv2DKernels.PartCount(batch, shape), job._groups) : 1);
        }
        finally
        {
            job._input = job._weight = job._delta = job._inputDelta = null;
            job._weightGradient = job._biasGradient = job._partialWeightGradients = job._partialBiasGradients = null;
            job._offsets = null;
        }
    }

    public override void Run(int part)
    {
        var shape = _shape;
        var layout = _layout;
        var scratch = Conv2DScratch.Current;
        var columnLength = shape.PatchSize * shape.OutputPlane;
        Scratch buffers = default;
        if (_direct)
        {
            buffers.Padded = scratch.PaddedInput(layout.PaddedInputLength);
            new Span<float>(buffers.Padded, layout.PaddedInputLength).Clear();
            buffers.Spread = scratch.SpreadDelta(layout.PaddedFilters * layout.Columns);
            new Span<float>(buffers.Spread, layout.PaddedFilters * layout.Columns).Clear();
            buffers.SampleWeightGradient = scratch.SampleWeightGradient(layout.PaddedFilters * layout.PaddedTaps);
        }
        else
        {
            buffers.Columns = Conv2DColumns.IsImage(shape) ? null : scratch.Columns(columnLength);
            buffers.SampleWeightGradient = scratch.SampleWeightGradient(shape.WeightLength);
        }

        if (_inputDelta != null && !Conv2DColumns.IsImage(shape))
        {
            buffers.ColumnGradient = scratch.ColumnGradient(columnLength);
        }

        int group;
        while ((group = Interlocked.Increment(ref _nextGroup) - 1) < _groups)
        {
            var first = (int)((long)group * _batch / _groups);
            var end = (int)((long)(group + 1) * _batch / _groups);
            for (var sample = first; sample < end; sample++)
            {
                BackwardSample(sample, group, sample == first, buffers);
            }
        }
    }

    private void BackwardSample(int sample, int group, bool firstOfGroup, in Scratch buffers)
    {
        var shape = _shape;
        int filters = shape.Filters, patch = shape.PatchSize, plane = shape.OutputPlane;
        var delta = _delta + ((nint)sample * shape.OutputSize);
        var groupWeightGradient = group == 0 ? _weightGradient : _partialWeightGradients + ((nint)(group - 1) * shape.WeightLength);
        if (_direct)
        {
            WeightGradientDirect(sample, delta, groupWeightGradient, firstOfGroup, buffers);
        }
        else
        {
            WeightGradientColumns(sample, delta, groupWeightGradient, firstOfGroup, buffers);
        }

        if (_biasGradient != null)
        {
            var groupBiasGradient = group == 0 ? _biasGradient : _partialBiasGradients + ((nint)(group - 1) * filters);
            for (var filter = 0; filter < filters; filter++)
            {
                var sum = Conv2DVectors.Sum(delta + ((nint)filter * plane), plane);
                groupBiasGradient[filter] = firstOfGroup ? sum : groupBiasGradient[filter] + sum;
            }
        }

        if (_inputDelta == null)
        {
            return;
        }

        // ∂L/∂columns = Wᵀ [C·K·K × F] · δ [F × OH·OW], then each entry goes back to the input cell it was copied from.
        var inputDelta = _inputDelta + ((nint)sample * shape.InputSize);
        if (buffers.ColumnGradient == null)
        {
            MatrixMultiply.MultiplyTransposedA(
                new ReadOnlySpan<float>(_weight, filters * patch), new ReadOnlySpan<float>(delta, filters * plane),
                new Span<float>(inputDelta, patch * plane), patch, plane, filters);
            return;
        }

        MatrixMultiply.MultiplyTransposedA(
            new ReadOnlySpan<float>(_weight, filters * patch), new ReadOnlySpan<float>(delta, filters * plane),
            new Span<float>(buffers.ColumnGradient, patch * plane), patch, plane, filters);
        new Span<float>(inputDelta, shape.InputSize).Clear();
        Conv2DColumns.Col2ImAdd(buffers.ColumnGradient, inputDelta, shape);
    }

    // ∂L/∂W = δ [F × OH·OW] · im2col(x)ᵀ [OH·OW × C·K·K], written to the group's sum or added to it.
    private void WeightGradientColumns(int sample, float* delta, float* groupWeightGradient, bool firstOfGroup, in Scratch buffers)
    {
        var shape = _shape;
        int filters = shape.Filters, patch = shape.PatchSize, plane = shape.OutputPlane;
        var columns = _input + ((nint)sample * shape.InputSize);
        if (buffers.Columns != null)
        {
            Conv2DColumns.Im2Col(columns, buffers.Columns, shape);
            columns = buffers.Columns;
        }

        MatrixMultiply.MultiplyTransposedB(
            new ReadOnlySpan<float>(delta, filters * plane), new ReadOnlySpan<float>(columns, patch * plane),
            new Span<float>(firstOfGroup ? groupWeightGradient : buffers.SampleWeightGradient, filters * patch),
            filters, patch, plane);
        if (!firstOfGroup)
        {
            Conv2DVectors.AddTo(buffers.SampleWeightGradient, groupWeightGradient, filters * patch);
        }
    }

    // The same with the direct kernel, whose result has PaddedTaps columns and PaddedFilters rows.
    private void WeightGradientDirect(int sample, float* delta, float* groupWeightGradient, bool firstOfGroup, in Scratch buffers)
    {
        var shape = _shape;
        var layout = _layout;
        layout.PadInput(_input + ((nint)sample * shape.InputSize), buffers.Padded, shape);
        layout.SpreadDelta(delta, buffers.Spread, shape);
        Conv2DDirectWeightGradient.Multiply(
            buffers.Spread, layout.PaddedFilters, layout.Columns, buffers.Padded, _offsets, layout.PaddedTaps,
            buffers.SampleWeightGradient);
        var patch = shape.PatchSize;
        for (var filter = 0; filter < shape.Filters; filter++)
        {
            var source = buffers.SampleWeightGradient + ((nint)filter * layout.PaddedTaps);
            var target = groupWeightGradient + ((nint)filter * patch);
            if (firstOfGroup)
            {
                Conv2DVectors.Copy(source, target, patch);
            }
            else
            {
                Conv2DVectors.AddTo(source, target, patch);
            }
        }
    }

    private struct Scratch
    {
        public float* Columns;
        public float* ColumnGradient;
        public float* Padded;
        public float* Spread;
        public float* SampleWeightGradient;
    }
}
