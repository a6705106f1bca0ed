using System;
using System.Threading;
using NetGen.Internal;

namespace NetGen.Cpu;

/// <summary>
/// The forward pass of a batch, one sample at a time: the convolution (the direct kernel for stride 1, im2col and a
/// product otherwise) followed by bias and activation. Threads claim samples in turn; each sample's result depends on
/// nothing else, so it is the same whichever thread computes it.
/// </summary>
internal sealed unsafe class Conv2DForwardJob<TActivation> : WorkerPoolJob
    where TActivation : struct, IActivation
{
    [ThreadStatic]
    private static Conv2DForwardJob<TActivation>? t_current;

    private float* _input;
    private float* _weight;
    private float* _bias;
    private float* _preActivation;
    private float* _output;
    private int* _offsets;
    private int _batch;
    private Conv2DShape _shape;
    private Conv2DDirectLayout _layout;
    private bool _direct;
    private TActivation _activation;
    private int _nextSample;

    /// <summary>
    /// Runs the batch on the pool's threads; the pointers must stay valid until this returns. <paramref name="bias"/>
    /// may be null; <paramref name="offsets"/> holds the direct kernel's tap offsets when it applies (see
    /// <see cref="Conv2DDirectLayout.Applies"/>).
    /// </summary>
    public static void Run(
        float* input, float* weight, float* bias, float* preActivation, float* output, int* offsets, int batch,
        in Conv2DShape shape, TActivation activation)
    {
        var job = t_current ??= new Conv2DForwardJob<TActivation>();
        job._input = input;
        job._weight = weight;
        job._bias = bias;
        job._preActivation = preActivation;
        job._output = output;
        job._offsets = offsets;
        job._batch = batch;
        job._shape = shape;
        job._direct = Conv2DDirectLayout.Applies(shape);
        job._layout = job._direct ? new Conv2DDirectLayout(shape) : default;
        job._activation = activation;
        job._nextSample = 0;
        try
        {
            var warm = Conv2DScratch.Current.IsWarm(shape, kind: 0);
            WorkerPool.Run(job, warm ? Conv2DKernels.PartCount(batch, shape) : 1);
        }
        finally
        {
            job._input = job._weight = job._bias = job._preActivation = job._output = null;
            job._offsets = null;
        }
    }

    public override void Run(int part)
    {
        var shape = _shape;
        var scratch = Conv2DScratch.Current;
        float* padded = null, columns = null;
        if (_direct)
        {
            padded = scratch.PaddedInput(_layout.PaddedInputLength);
            new Span<float>(padded, _layout.PaddedInputLength).Clear();
            columns = scratch.Columns(shape.Filters * _layout.Columns);
        }
        else if (!Conv2DColumns.IsImage(shape))
        {
            columns = scratch.Columns(shape.PatchSize * shape.OutputPlane);
        }

        int sample;
        while ((sample = Interlocked.Increment(ref _nextSample) - 1) < _batch)
        {
            if (_direct)
            {
                ForwardDirect(sample, padded, columns);
            }
            else
            {
                ForwardColumns(sample, columns);
            }
        }
    }

    private void ForwardDirect(int sample, float* padded, float* columns)
    {
        var shape = _shape;
        var layout = _layout;
        layout.PadInput(_input + ((nint)sample * shape.InputSize), padded, shape);
        Conv2DDirectForward.Multiply(_weight, shape.Filters, shape.PatchSize, padded, _offsets, columns, layout.Columns);

        // Keep the OW real columns of each row of PaddedWidth.
        int outputHeight = shape.OutputHeight, outputWidth = shape.OutputWidth;
        var offset = (nint)sample * shape.OutputSize;
        float* z = _preActivation + offset, a = _output + offset;
        for (var filter = 0; filter < shape.Filters; filter++)
        {
            var b = _bias == null ? 0f : _bias[filter];
            var rows = columns + ((nint)filter * layout.Columns);
            for (var oh = 0; oh < outputHeight; oh++, z += outputWidth, a += outputWidth)
            {
                BiasActivation(rows + ((nint)oh * layout.PaddedWidth), z, a, b, outputWidth);
            }
        }
    }

    private void ForwardColumns(int sample, float* columns)
    {
        var shape = _shape;
        int filters = shape.Filters, patch = shape.PatchSize, plane = shape.OutputPlane;
        var image = _input + ((nint)sample * shape.InputSize);
        if (columns == null)
        {
            columns = image;
        }
        else
        {
            Conv2DColumns.Im2Col(image, columns, shape);
        }

        var offset = (nint)sample * shape.OutputSize;
        float* z = _preActivation + offset, a = _output + offset;
        MatrixMultiply.Multiply(
            new ReadOnlySpan<float>(_weight, filters * patch), new ReadOnlySpan<float>(columns, patch * plane),
            new Span<float>(z, filters * plane), filters, plane, patch);
        if (typeof(TActivation) == typeof(IdentityActivation) && _bias == null && a == z)
        {
            return;
        }

        for (var filter = 0; filter < filters; filter++, z += plane, a += plane)
        {
            BiasActivation(z, z, a, _bias == null ? 0f : _bias[filter], plane);
        }
    }

    // z = source + b (b only if there is a bias), a = f(z); any of source, z and a may be the same.
    private void BiasActivation(float* source, float* z, float* a, float b, int count)
    {
        if (typeof(TActivation) == typeof(ReluActivation) || typeof(TActivation) == typeof(IdentityActivation))
        {
            // Vectorized, and without the branch per element that ReLU's Apply compiles to: with signs at random it
            // mispredicts half the time. The select gives the same bits as Apply, NaN and −0 included.
            Conv2DVectors.AddBiasRelu(source, z, a, b, count, _bias != null, typeof(TActivation) == typeof(ReluActivation));
            return;
        }

        if (ActivationSpans.Vectorizes<TActivation>())
        {
            Conv2DVectors.AddBiasRelu(source, z, a, b, count, _bias != null, relu: false);
            ActivationSpans.Apply(a, a, count, _activation);
            return;
        }

        for (var i = 0; i < count; i++)
        {
            var value = _bias == null ? source[i] : source[i] + b;
            z[i] = value;
            a[i] = _activation.Apply(value);
        }
    }
}
