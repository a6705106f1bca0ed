using System;
using System.Runtime.Intrinsics;
using NetGen.Cpu;

namespace NetGen.Optimizers;

/// <summary>
/// The element-wise Adam update over the flat parameter buffer, split over the worker pool's threads when the
/// buffer is large: each element's square root and division make the step bound by arithmetic, not memory.
/// Every element is computed by the same operations whatever the split or the vector width, so results do not depend
/// on either.
/// </summary>
internal sealed unsafe class AdamUpdateJob : WorkerPoolJob
{
    private const int MinimumElementsPerPart = 16_384;
    private const int PartAlignment = 64;
    private const float SmallestNormal = 1.17549435e-38f;

    private float* _parameters;
    private float* _gradients;
    private float* _firstMoments;
    private float* _secondMoments;
    private int _length;
    private int _partCount;
    private AdamStep _step;

    public void Update(float* parameters, float* gradients, float* firstMoments, float* secondMoments, int length, in AdamStep step)
    {
        _parameters = parameters;
        _gradients = gradients;
        _firstMoments = firstMoments;
        _secondMoments = secondMoments;
        _length = length;
        _step = step;
        _partCount = Math.Clamp(length / MinimumElementsPerPart, 1, WorkerPool.MaxThreads);
        try
        {
            WorkerPool.Run(this, _partCount);
        }
        finally
        {
            _parameters = _gradients = _firstMoments = _secondMoments = null;
        }
    }

    public override void Run(int part)
    {
        int blocks = (_length + PartAlignment - 1) / PartAlignment;
        int start = (int)((long)part * blocks / _partCount) * PartAlignment;
        int end = Math.Min(_length, (int)((long)(part + 1) * blocks / _partCount) * PartAlignment);
        UpdateRange(start, end);
    }

    private void UpdateRange(int start, int end)
    {
        AdamStep s = _step;
        float* parameters = _parameters, gradients = _gradients, m = _firstMoments, v = _secondMoments;
        int i = start;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i + Vector512<float>.Count <= end; i += Vector512<float>.Count)
            {
                Vector512<float> theta = Vector512.Load(parameters + i);
                Vector512<float> g = s.Transform.Apply(Vector512.Load(gradients + i), theta);
                Vector512<float> first = FlushToZero(s.Beta1 * Vector512.Load(m + i) + s.OneMinusBeta1 * g);
                Vector512<float> second = FlushToZero(s.Beta2 * Vector512.Load(v + i) + s.OneMinusBeta2 * g * g);
                first.Store(m + i);
                second.Store(v + i);
                Vector512<float> denominator = Vector512.Sqrt(second) * s.InverseSqrtSecondCorrection + Vector512.Create(s.Epsilon);
                (theta * s.RetainedFraction - s.StepSize * first / denominator).Store(parameters + i);
            }
        }

        for (; i + Vector256<float>.Count <= end; i += Vector256<float>.Count)
        {
            Vector256<float> theta = Vector256.Load(parameters + i);
            Vector256<float> g = s.Transform.Apply(Vector256.Load(gradients + i), theta);
            Vector256<float> first = FlushToZero(s.Beta1 * Vector256.Load(m + i) + s.OneMinusBeta1 * g);
            Vector256<float> second = FlushToZero(s.Beta2 * Vector256.Load(v + i) + s.OneMinusBeta2 * g * g);
            first.Store(m + i);
            second.Store(v + i);
            Vector256<float> denominator = Vector256.Sqrt(second) * s.InverseSqrtSecondCorrection + Vector256.Create(s.Epsilon);
            (theta * s.RetainedFraction - s.StepSize * first / denominator).Store(parameters + i);
        }

        for (; i < end; i++)
        {
            float theta = parameters[i];
            float g = s.Transform.Apply(gradients[i], theta);
            float first = FlushToZero(s.Beta1 * m[i] + s.OneMinusBeta1 * g);
            float second = FlushToZero(s.Beta2 * v[i] + s.OneMinusBeta2 * g * g);
            m[i] = first;
            v[i] = second;
            float denominator = MathF.Sqrt(second) * s.InverseSqrtSecondCorrection + s.Epsilon;
            parameters[i] = theta * s.RetainedFraction - s.StepSize * first / denominator;
        }
    }

    // Subnormal moments become zero. A parameter whose gradient stays zero (a weight from an always-black MNIST border
    // pixel) has moments that shrink geometrically into the subnormal range, where x86 arithmetic takes a slow path
    // (.NET cannot set the flush-to-zero mode): an MNIST MLP step took 3× longer after a few epochs. Flushing such a
    // moment changes its parameter by less than 1e-30.
    private static Vector512<float> FlushToZero(Vector512<float> x)
        => Vector512.ConditionalSelect(Vector512.LessThan(Vector512.Abs(x), Vector512.Create(SmallestNormal)), Vector512<float>.Zero, x);

    private static Vector256<float> FlushToZero(Vector256<float> x)
        => Vector256.ConditionalSelect(Vector256.LessThan(Vector256.Abs(x), Vector256.Create(SmallestNormal)), Vector256<float>.Zero, x);

    private static float FlushToZero(float x) => MathF.Abs(x) < SmallestNormal ? 0f : x;
}

/// <summary>The scalars of one Adam step: hyper-parameters, bias corrections and the gradient transform.</summary>
internal readonly record struct AdamStep(
    float Beta1, float OneMinusBeta1, float Beta2, float OneMinusBeta2, float StepSize, float InverseSqrtSecondCorrection,
    float Epsilon, float RetainedFraction, GradientTransform Transform);
