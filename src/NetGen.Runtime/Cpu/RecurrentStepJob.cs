using System;
using NetGen.Internal;

namespace NetGen.Cpu;

/// <summary>
/// The element-wise pass of one step of a recurrent layer, forward or backward, split over the batch: part p of P takes
/// samples [p·batch/P, (p+1)·batch/P). Each sample's rows depend on nothing else, so the results are the same whatever
/// the split.
/// </summary>
internal sealed class RecurrentStepJob<TActivation> : WorkerPoolJob
    where TActivation : struct, IActivation
{
    /// <summary>Steps with fewer gate values than this (batch · G·H) run on the calling thread alone.</summary>
    private const int ParallelThreshold = 1 << 14;

    [ThreadStatic]
    private static RecurrentStepJob<TActivation>? t_current;

    private RecurrentBuffers _buffers;
    private int _step;
    private bool _carry;
    private bool _backward;
    private int _partCount;
    private TActivation _activation;

    /// <summary>
    /// Runs step <paramref name="step"/>'s pass on the pool's threads. <paramref name="carry"/>: forward, whether the
    /// recurrent product holds h_{t−1}·W_hhᵀ; backward, whether gradients are carried from step t + 1.
    /// </summary>
    public static void Run(in RecurrentBuffers buffers, int step, bool carry, bool backward, TActivation activation)
    {
        var job = t_current ??= new RecurrentStepJob<TActivation>();
        job._buffers = buffers;
        job._step = step;
        job._carry = carry;
        job._backward = backward;
        job._activation = activation;
        job._partCount = (long)buffers.Batch * buffers.GateUnits < ParallelThreshold ? 1 : Math.Min(WorkerPool.MaxThreads, buffers.Batch);
        try
        {
            WorkerPool.Run(job, job._partCount);
        }
        finally
        {
            job._buffers = default;
        }
    }

    public override void Run(int part)
    {
        var batch = _buffers.Batch;
        var first = (int)((long)part * batch / _partCount);
        var end = (int)((long)(part + 1) * batch / _partCount);
        switch (_buffers.Cell)
        {
            case RecurrentCell.SimpleRnn when _backward:
                SimpleRnnCell.Backward(_buffers, _step, _carry, first, end, _activation);
                break;
            case RecurrentCell.SimpleRnn:
                SimpleRnnCell.Forward(_buffers, _step, _carry, first, end, _activation);
                break;
            case RecurrentCell.Lstm when _backward:
                LstmCell.Backward(_buffers, _step, _carry, first, end);
                break;
            case RecurrentCell.Lstm:
                LstmCell.Forward(_buffers, _step, _carry, first, end);
                break;
            case RecurrentCell.Gru when _backward:
                GruCell.Backward(_buffers, _step, _carry, first, end);
                break;
            default:
                GruCell.Forward(_buffers, _step, _carry, first, end);
                break;
        }
    }
}
