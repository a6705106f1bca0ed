using System;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace NetGen.Cpu;

/// <summary>
/// A fixed set of background threads that run the parts of a <see cref="WorkerPoolJob"/> alongside the calling
/// thread, without allocating per job (unlike <c>Parallel.For</c>). The threads are created on first use, up to
/// <see cref="MaxThreads"/> − 1 of them.
/// </summary>
/// <remarks>
/// <para>
/// Threads claim parts one at a time, the caller included, so a worker that the OS has not scheduled yet delays
/// nothing: the caller runs its part too. Which thread runs which part therefore varies; jobs must not care.
/// </para>
/// <para>
/// One job runs at a time. A job posted while another is running (from a second thread, or from inside a part)
/// runs all of its parts on the calling thread instead, so every call is correct, if not always parallel.
/// After a job a worker spins for a short while before it blocks, so that the back-to-back jobs of a training
/// step do not pay for waking a sleeping thread.
/// </para>
/// </remarks>
internal static class WorkerPool
{
    private static readonly long s_spinTicks = Stopwatch.Frequency / 5000; // 200 µs
    private static readonly object s_growLock = new();
    private static readonly object s_wakeLock = new();
    private static int s_maxThreads = CpuThreads.FromEnvironment();
    private static int s_workerCount;
    private static int s_sleepingWorkers;
    private static int s_jobRunning;

    // The current job, written by the thread that set s_jobRunning before it publishes a new generation.
    private static WorkerPoolJob? s_job;
    private static int s_partCount;
    private static int s_finishedParts;
    private static Exception? s_firstError;

    // The generation of the current job in the high 32 bits, its next unclaimed part in the low 32 bits: claiming a
    // part is one compare-exchange that fails if the job has changed meanwhile.
    private static long s_claims;

    /// <summary>
    /// The most threads, the calling thread included, that a job is split over; defaults to
    /// <see cref="CpuThreads.FromEnvironment"/>. Set it to 1 to run everything on the calling thread.
    /// </summary>
    public static int MaxThreads
    {
        get => Volatile.Read(ref s_maxThreads);
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 256);
            Volatile.Write(ref s_maxThreads, value);
        }
    }

    /// <summary>
    /// Runs parts 0 … <paramref name="partCount"/> − 1 of <paramref name="job"/>, on up to
    /// <paramref name="partCount"/> threads, and returns when all have finished. An exception thrown by a part is
    /// rethrown here, after every part has ended.
    /// </summary>
    public static void Run(WorkerPoolJob job, int partCount)
    {
        if (partCount <= 1 || Interlocked.CompareExchange(ref s_jobRunning, 1, 0) != 0)
        {
            for (int part = 0; part < partCount; part++)
            {
                job.Run(part);
            }
            return;
        }

        try
        {
            EnsureWorkers(partCount - 1);
            s_job = job;
            s_partCount = partCount;
            s_finishedParts = 0;
            s_firstError = null;
            int generation = unchecked(GenerationOf(Volatile.Read(ref s_claims)) + 1);
            // The exchange is a full fence: a worker either sees the new generation, or has already said it sleeps.
            Interlocked.Exchange(ref s_claims, (long)generation << 32);
            if (Volatile.Read(ref s_sleepingWorkers) != 0)
            {
                lock (s_wakeLock)
                {
                    Monitor.PulseAll(s_wakeLock);
                }
            }

            RunParts(generation);

            // The parts may use memory that the caller pinned only for the duration of this call, so every part
            // must end before this method returns or throws.
            var spinner = new SpinWait();
            while (Volatile.Read(ref s_finishedParts) != partCount)
            {
                spinner.SpinOnce(sleep1Threshold: -1);
            }
            s_job = null;
            if (s_firstError is { } error)
            {
                s_firstError = null;
                ExceptionDispatchInfo.Throw(error);
            }
        }
        finally
        {
            Volatile.Write(ref s_jobRunning, 0);
        }
    }

    // Claims and runs parts of the job of this generation until none is left unclaimed.
    private static void RunParts(int generation)
    {
        while (true)
        {
            long claims = Volatile.Read(ref s_claims);
            if (GenerationOf(claims) != generation)
            {
                return;
            }
            // Read after the generation, so these belong to it if the claim below succeeds.
            WorkerPoolJob? job = s_job;
            int part = (int)claims;
            if (part >= s_partCount)
            {
                return;
            }
            if (Interlocked.CompareExchange(ref s_claims, claims + 1, claims) != claims)
            {
                continue;
            }

            try
            {
                job!.Run(part);
            }
            catch (Exception error)
            {
                Interlocked.CompareExchange(ref s_firstError, error, null);
            }
            Interlocked.Increment(ref s_finishedParts);
        }
    }

    private static void EnsureWorkers(int count)
    {
        if (Volatile.Read(ref s_workerCount) >= count)
        {
            return;
        }
        lock (s_growLock)
        {
            for (int index = s_workerCount; index < count; index++)
            {
                var thread = new Thread(WorkerLoop)
                {
                    IsBackground = true,
                    Name = $"NetGen worker {index + 1}",
                };
                thread.Start();
            }
            Volatile.Write(ref s_workerCount, Math.Max(s_workerCount, count));
        }
    }

    private static void WorkerLoop()
    {
        // Generation 0 has no job, so a worker created while a job runs joins it straight away.
        int generation = 0;
        while (true)
        {
            generation = WaitForNextGeneration(generation);
            RunParts(generation);
        }
    }

    private static int GenerationOf(long claims) => (int)(claims >> 32);

    private static int WaitForNextGeneration(int current)
    {
        long spinUntil = Stopwatch.GetTimestamp() + s_spinTicks;
        while (Stopwatch.GetTimestamp() < spinUntil)
        {
            int generation = GenerationOf(Volatile.Read(ref s_claims));
            if (generation != current)
            {
                return generation;
            }
            Thread.SpinWait(8);
        }

        lock (s_wakeLock)
        {
            Interlocked.Increment(ref s_sleepingWorkers);
            int generation;
            while ((generation = GenerationOf(Volatile.Read(ref s_claims))) == current)
            {
                Monitor.Wait(s_wakeLock);
            }
            Interlocked.Decrement(ref s_sleepingWorkers);
            return generation;
        }
    }
}
