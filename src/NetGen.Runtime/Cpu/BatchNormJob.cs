using System;
using NetGen.Internal;

namespace NetGen.Cpu;

/// <summary>
/// One pass of batch normalisation over an image's channels, split into parts by whole channels (each channel's numbers
/// depend on nothing else, so they are the same whichever thread computes them). Small layers run on the calling thread.
/// </summary>
internal sealed unsafe class BatchNormJob<TActivation> : WorkerPoolJob
    where TActivation : struct, IActivation
{
    public enum BatchNormPass
    {
        Statistics,
        Forward,
        ParameterGradients,
        InputGradient,
    }

    /// <summary>Passes over fewer values than this run on the calling thread alone.</summary>
    private const long ParallelThreshold = 1L << 15;

    [ThreadStatic]
    private static BatchNormJob<TActivation>? t_current;

    private BatchNormPass _pass;
    private TActivation _activation;
    private int _batch;
    private BatchNormShape _shape;
    private int _partCount;
    private float* _x, _normalized, _z, _a, _mean, _rstd, _gamma, _beta, _runningMean, _runningVariance, _delta, _gammaGradient, _betaGradient, _inputDelta;

    /// <summary>Runs the statistics pass; the pointers must stay valid until this returns.</summary>
    public static void Statistics(float* x, float* mean, float* rstd, float* runningMean, float* runningVariance, int batch, in BatchNormShape shape)
    {
        var job = Prepare(BatchNormPass.Statistics, batch, shape);
        job._x = x;
        job._mean = mean;
        job._rstd = rstd;
        job._runningMean = runningMean;
        job._runningVariance = runningVariance;
        job.RunParts();
    }

    public static void Forward(
        float* x, float* normalized, float* z, float* a, float* mean, float* rstd, float* gamma, float* beta, int batch, in BatchNormShape shape, TActivation activation)
    {
        var job = Prepare(BatchNormPass.Forward, batch, shape);
        job._activation = activation;
        job._x = x;
        job._normalized = normalized;
        job._z = z;
        job._a = a;
        job._mean = mean;
        job._rstd = rstd;
        job._gamma = gamma;
        job._beta = beta;
        job.RunParts();
    }

    public static void ParameterGradients(float* delta, float* normalized, float* gammaGradient, float* betaGradient, int batch, in BatchNormShape shape)
    {
        var job = Prepare(BatchNormPass.ParameterGradients, batch, shape);
        job._delta = delta;
        job._normalized = normalized;
        job._gammaGradient = gammaGradient;
        job._betaGradient = betaGradient;
        job.RunParts();
    }

    public static void InputGradient(
        float* delta, float* normalized, float* gamma, float* rstd, float* gammaGradient, float* betaGradient, float* inputDelta, int batch, in BatchNormShape shape)
    {
        var job = Prepare(BatchNormPass.InputGradient, batch, shape);
        job._delta = delta;
        job._normalized = normalized;
        job._gamma = gamma;
        job._rstd = rstd;
        job._gammaGradient = gammaGradient;
        job._betaGradient = betaGradient;
        job._inputDelta = inputDelta;
        job.RunParts();
    }

    public override void Run(int part)
    {
        var c0 = (int)((long)part * _shape.Features / _partCount);
        var c1 = (int)((long)(part + 1) * _shape.Features / _partCount);
        switch (_pass)
        {
            case BatchNormPass.Statistics:
                BatchNormChannels.Statistics(_x, _mean, _rstd, _runningMean, _runningVariance, _batch, _shape, c0, c1);
                break;
            case BatchNormPass.Forward:
                BatchNormChannels.Forward(_x, _normalized, _z, _a, _mean, _rstd, _gamma, _beta, _batch, _shape, c0, c1, _activation);
                break;
            case BatchNormPass.ParameterGradients:
                BatchNormChannels.ParameterGradients(_delta, _normalized, _gammaGradient, _betaGradient, _batch, _shape, c0, c1);
                break;
            case BatchNormPass.InputGradient:
                BatchNormChannels.InputGradient(_delta, _normalized, _gamma, _rstd, _gammaGradient, _betaGradient, _inputDelta, _batch, _shape, c0, c1);
                break;
            default:
                throw new InvalidOperationException($"No batch-normalisation pass {_pass}.");
        }
    }

    private static BatchNormJob<TActivation> Prepare(BatchNormPass pass, int batch, in BatchNormShape shape)
    {
        var job = t_current ??= new BatchNormJob<TActivation>();
        job._pass = pass;
        job._batch = batch;
        job._shape = shape;
        job._partCount = (long)batch * shape.SampleSize < ParallelThreshold ? 1 : Math.Min(WorkerPool.MaxThreads, shape.Features);
        return job;
    }

    private void RunParts()
    {
        try
        {
            WorkerPool.Run(this, _partCount);
        }
        finally
        {
            _x = _normalized = _z = _a = _mean = _rstd = _gamma = _beta = _runningMean = _runningVariance = null;
            _delta = _gammaGradient = _betaGradient = _inputDelta = null;
        }
    }
}
