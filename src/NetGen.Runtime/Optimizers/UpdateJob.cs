using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using NetGen.Cpu;

namespace NetGen.Optimizers;

/// <summary>
/// The fused update pass shared by the optimizers: for each element, the <see cref="GradientTransform"/> then the
/// rule, over the parameters, the gradients and up to two state buffers. Large buffers are split over the worker
/// pool's threads; small ones (the XOR network's) run on the calling thread. Each optimizer caches one job, so a step
/// allocates nothing.
/// </summary>
/// <remarks>
/// Every element goes through the same operations whether it falls in a 512-bit vector, a narrower one or the scalar
/// tail, and whichever part holds it, so results depend on neither the vector width nor the thread count.
/// </remarks>
internal sealed unsafe class UpdateJob<TRule> : WorkerPoolJob
    where TRule : struct, IUpdateRule
{
    // A part's square roots and divisions (Adam) or memory traffic must outweigh waking a worker.
    private const int MinimumElementsPerPart = 16_384;

    // Parts start at a multiple of every vector width, so a vector never straddles two parts.
    private const int PartAlignment = 64;

    private TRule _rule;
    private GradientTransform _transform;
    private float* _parameters;
    private float* _gradients;
    private float* _firstState;
    private float* _secondState;
    private int _length;
    private int _partCount;

    /// <summary>
    /// Updates <paramref name="parameters"/> and the state in place. State buffers that the rule does not keep may be
    /// empty; the others have the parameters' length, as do the gradients.
    /// </summary>
    public void Update(
        in TRule rule, GradientTransform transform, Span<float> parameters, ReadOnlySpan<float> gradients,
        Span<float> firstState = default, Span<float> secondState = default)
    {
        fixed (float* theta = parameters, g = gradients, first = firstState, second = secondState)
        {
            _rule = rule;
            _transform = transform;
            _parameters = theta;
            _gradients = g;
            _firstState = first;
            _secondState = second;
            _length = parameters.Length;
            _partCount = Math.Clamp(parameters.Length / MinimumElementsPerPart, 1, WorkerPool.MaxThreads);
            try
            {
                if (_partCount == 1)
                {
                    UpdateRange(0, parameters.Length);
                }
                else
                {
                    WorkerPool.Run(this, _partCount);
                }
            }
            finally
            {
                _parameters = _gradients = _firstState = _secondState = null;
            }
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
        int next = start;
        if (Vector512.IsHardwareAccelerated)
        {
            next = UpdateWholeGroups<Vector512Lanes>(next, end);
        }

        if (Vector.IsHardwareAccelerated)
        {
            next = UpdateWholeGroups<VectorLanes>(next, end);
        }

        UpdateWholeGroups<ScalarLane>(next, end);
    }

    // Updates the whole groups of lanes from start on and returns where the first incomplete group would begin.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int UpdateWholeGroups<TLanes>(int start, int end)
        where TLanes : struct, IFloatLanes<TLanes>
    {
        TRule rule = _rule;
        GradientTransform transform = _transform;
        float* parameters = _parameters, gradients = _gradients, firstState = _firstState, secondState = _secondState;
        int i = start;
        for (; i <= end - TLanes.Count; i += TLanes.Count)
        {
            TLanes theta = TLanes.Load(parameters + i);
            TLanes g = transform.Apply(TLanes.Load(gradients + i), theta);
            TLanes first = TRule.StateBufferCount > 0 ? TLanes.Load(firstState + i) : default;
            TLanes second = TRule.StateBufferCount > 1 ? TLanes.Load(secondState + i) : default;
            rule.Update(ref theta, g, ref first, ref second);
            TLanes.Store(theta, parameters + i);
            if (TRule.StateBufferCount > 0)
            {
                TLanes.Store(first, firstState + i);
            }

            if (TRule.StateBufferCount > 1)
            {
                TLanes.Store(second, secondState + i);
            }
        }

        return i;
    }
}
