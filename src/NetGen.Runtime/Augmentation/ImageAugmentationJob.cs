using System;
using NetGen.Cpu;
using NetGen.Internal;

namespace NetGen;

/// <summary>
/// Augments a batch sample by sample, split over the worker pool's threads. The draws come from Philox, a counter-based
/// generator: sample s of stream t draws from counters (block, s, t) under the key (seed, purpose), so a sample's
/// rotation, shift and noise are the same whichever thread computes it, and no generator state is kept.
/// </summary>
internal sealed unsafe class ImageAugmentationJob(ImageAugmentation augmentation, ImageShape shape) : WorkerPoolJob
{
    private const int MinimumFloatsPerPart = 1 << 14;
    private const uint GeometryPurpose = 0;
    private const uint NoisePurpose = 1;

    private readonly uint _seed = unchecked((uint)augmentation.Seed);
    private readonly double _maxRotationRadians = augmentation.MaxRotationDegrees * (Math.PI / 180);
    private readonly int _maxShift = augmentation.MaxShift;
    private readonly float _noise = augmentation.NoiseStandardDeviation;
    private readonly bool _movesPixels = augmentation.MovesPixels;

    private float* _source;
    private float* _destination;
    private ulong _stream;
    private uint _firstSample;
    private int _count;
    private int _partCount;

    public void Augment(ReadOnlySpan<float> source, Span<float> destination, ulong stream, uint firstSample)
    {
        fixed (float* from = source, to = destination)
        {
            _source = from;
            _destination = to;
            _stream = stream;
            _firstSample = firstSample;
            _count = source.Length / shape.Size;
            _partCount = Math.Clamp(source.Length / MinimumFloatsPerPart, 1, Math.Max(1, Math.Min(_count, WorkerPool.MaxThreads)));
            try
            {
                WorkerPool.Run(this, _partCount);
            }
            finally
            {
                _source = _destination = null;
            }
        }
    }

    public override void Run(int part)
    {
        var start = (int)((long)part * _count / _partCount);
        var end = (int)((long)(part + 1) * _count / _partCount);
        var size = shape.Size;
        for (var i = start; i < end; i++)
        {
            var source = new ReadOnlySpan<float>(_source + ((long)i * size), size);
            var destination = new Span<float>(_destination + ((long)i * size), size);
            var sample = _firstSample + (uint)i;
            if (_movesPixels)
            {
                var (angle, shiftX, shiftY) = DrawGeometry(sample);
                ImageResampling.RotateAndShift(source, destination, shape, angle, shiftX, shiftY);
            }
            else
            {
                source.CopyTo(destination);
            }

            if (_noise > 0)
            {
                AddNoise(destination, sample);
            }
        }
    }

    private (double Angle, int ShiftX, int ShiftY) DrawGeometry(uint sample)
    {
        var (angleWord, shiftXWord, shiftYWord, _) = Philox.Generate((0u, sample, (uint)_stream, (uint)(_stream >> 32)), (_seed, GeometryPurpose));
        var angle = ((2.0 * Philox.ToUniform(angleWord)) - 1) * _maxRotationRadians;
        return (angle, Between(shiftXWord, _maxShift), Between(shiftYWord, _maxShift));
    }

    // An integer in −bound … bound from a random word: the word's share of the 2·bound + 1 values.
    private static int Between(uint word, int bound) => (int)(((ulong)word * (ulong)((2 * bound) + 1)) >> 32) - bound;

    // Four normal draws per Philox block: Box–Muller on words 0 and 1 gives elements 0 and 1, on words 2 and 3 elements 2
    // and 3, as Philox.ToNormal pairs them, with one logarithm and one sine-cosine per pair.
    private void AddNoise(Span<float> values, uint sample)
    {
        for (var first = 0; first < values.Length; first += 4)
        {
            var (w0, w1, w2, w3) = Philox.Generate(((uint)first >> 2, sample, (uint)_stream, (uint)(_stream >> 32)), (_seed, NoisePurpose));
            var (normal0, normal1) = NormalPair(w0, w1);
            var (normal2, normal3) = NormalPair(w2, w3);
            var left = values.Length - first;
            values[first] += _noise * normal0;
            if (left >= 4)
            {
                values[first + 1] += _noise * normal1;
                values[first + 2] += _noise * normal2;
                values[first + 3] += _noise * normal3;
                continue;
            }

            if (left > 1)
            {
                values[first + 1] += _noise * normal1;
            }

            if (left > 2)
            {
                values[first + 2] += _noise * normal2;
            }
        }
    }

    private static (float Cosine, float Sine) NormalPair(uint radiusWord, uint angleWord)
    {
        var radius = Math.Sqrt(-2.0 * Math.Log(((radiusWord >> 8) + 1u) * (1.0 / 16777216.0)));
        var (sin, cos) = Math.SinCos(2.0 * Math.PI * ((angleWord >> 8) * (1.0 / 16777216.0)));
        return ((float)(radius * cos), (float)(radius * sin));
    }
}
