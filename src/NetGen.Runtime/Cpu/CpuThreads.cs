using System;
using System.Globalization;

namespace NetGen.Cpu;

/// <summary>
/// How many threads the CPU backend splits one operation (a matrix product, a convolution, an optimizer step) over,
/// the calling thread included.
/// </summary>
/// <remarks>
/// The default is <see cref="Environment.ProcessorCount"/>, or the value of the environment variable
/// <c>NETGEN_NUM_THREADS</c> when it is set, as <c>OMP_NUM_THREADS</c> limits OpenMP libraries. Results do not
/// depend on the thread count: every output element is computed in the same order whatever the split.
/// </remarks>
public static class CpuThreads
{
    /// <summary>The environment variable that sets the default thread count.</summary>
    public const string EnvironmentVariable = "NETGEN_NUM_THREADS";

    /// <summary>The most threads one operation is split over; between 1 and 256.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value set is below 1 or above 256.</exception>
    public static int Max
    {
        get => WorkerPool.MaxThreads;
        set => WorkerPool.MaxThreads = value;
    }

    /// <summary>The default: <c>NETGEN_NUM_THREADS</c> when set, else the processor count.</summary>
    /// <exception cref="InvalidOperationException"><c>NETGEN_NUM_THREADS</c> is not an integer from 1 to 256.</exception>
    internal static int FromEnvironment()
    {
        var text = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return Environment.ProcessorCount;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var threads) && threads is >= 1 and <= 256)
        {
            return threads;
        }

        throw new InvalidOperationException(
            $"The environment variable {EnvironmentVariable} is '{text}'; it must be an integer from 1 to 256 (the most threads one CPU operation uses).");
    }
}
