using System;
using NetGen.Internal;

namespace NetGen.Cpu;

/// <summary>
/// One pooling pass over a batch, split into parts by whole planes: each plane's outputs depend on nothing else, so
/// they are the same whichever thread computes them.
/// </summary>
internal sealed unsafe class PoolingJob : WorkerPoolJob
{
    public enum PoolingPass
    {
        MaxForward,
        MaxInputGradient,
        AverageForward,
        AverageInputGradient,
    }

    /// <summary>Passes over fewer input floats than this run on the calling thread alone.</summary>
    private const long ParallelThreshold = 1L << 15;

    [ThreadStatic]
    private static PoolingJob? t_current;

    private PoolingPass _pass;
    private float* _input;
    private float* _output;
    private int* _argMax;
    private int _planes;
    private int _partCount;
    private Pool2DShape _shape;

    /// <summary>
    /// Runs <paramref name="pass"/> over <paramref name="planes"/> planes; the pointers must stay valid until this
    /// returns. <paramref name="input"/> is the layer's input side: x, read by the forward passes, or δx, overwritten by
    /// the backward passes; <paramref name="output"/> is its output side, y or δy.
    /// </summary>
    public static void Run(PoolingPass pass, float* input, float* output, int* argMax, int planes, in Pool2DShape shape)
    {
        var job = t_current ??= new PoolingJob();
        job._pass = pass;
        job._input = input;
        job._output = output;
        job._argMax = argMax;
        job._planes = planes;
        job._shape = shape;
        job._partCount = (long)planes * shape.Height * shape.Width < ParallelThreshold ? 1 : Math.Min(WorkerPool.MaxThreads, planes);
        try
        {
            WorkerPool.Run(job, job._partCount);
        }
        finally
        {
            job._input = job._output = null;
            job._argMax = null;
        }
    }

    public override void Run(int part)
    {
        var shape = _shape;
        var inputPlane = shape.Height * shape.Width;
        var outputPlane = shape.OutputHeight * shape.OutputWidth;
        var end = (int)((long)(part + 1) * _planes / _partCount);
        for (var plane = (int)((long)part * _planes / _partCount); plane < end; plane++)
        {
            var x = _input + ((nint)plane * inputPlane);
            var y = _output + ((nint)plane * outputPlane);
            switch (_pass)
            {
                case PoolingPass.MaxForward:
                    PoolingPlanes.MaxPlane(x, plane * inputPlane, y, _argMax + ((nint)plane * outputPlane), shape);
                    break;
                case PoolingPass.MaxInputGradient:
                    MaxPlaneBackward(y, _argMax + ((nint)plane * outputPlane), x, plane * inputPlane, inputPlane, outputPlane);
                    break;
                case PoolingPass.AverageForward:
                    PoolingPlanes.AveragePlane(x, y, shape);
                    break;
                default:
                    new Span<float>(x, inputPlane).Clear();
                    PoolingPlanes.AveragePlaneBackward(y, x, shape);
                    break;
            }
        }
    }

    // dx = 0, then dx[argMax[o]] += dy[o] in output order; the indices must lie in this plane, or planes would race.
    private static void MaxPlaneBackward(float* dy, int* argMax, float* dx, int dxStart, int inputPlane, int outputPlane)
    {
        new Span<float>(dx, inputPlane).Clear();
        for (var o = 0; o < outputPlane; o++)
        {
            var cell = argMax[o] - dxStart;
            if ((uint)cell >= (uint)inputPlane)
            {
                throw new ArgumentException(
                    $"argMax holds {argMax[o]}, outside the plane [{dxStart}, {dxStart + inputPlane}) its output belongs to.", "argMax");
            }

            dx[cell] += dy[o];
        }
    }
}
