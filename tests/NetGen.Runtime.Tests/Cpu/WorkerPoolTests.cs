using System;
using System.Threading;
using System.Threading.Tasks;
using NetGen.Cpu;

namespace NetGen.Tests.Cpu;

[Collection(WorkerPoolCollection.Name)]
public sealed class WorkerPoolTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void Run_RunsEveryPartExactlyOnce(int partCount)
    {
        var job = new RecordingJob(partCount);

        for (int repeat = 0; repeat < 50; repeat++)
        {
            WorkerPool.Run(job, partCount);
        }

        Assert.All(job.RunCounts, count => Assert.Equal(50, count));
    }

    [Fact]
    public void Run_RunsPartsOnSeveralThreadsAtOnce()
    {
        // Each part waits until both have started, which only a second thread can make happen.
        var job = new RendezvousJob();

        WorkerPool.Run(job, 2);

        Assert.True(job.BothStarted, "the two parts never ran at the same time");
        Assert.NotEqual(job.ThreadIds[0], job.ThreadIds[1]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void Run_RethrowsAPartsExceptionAfterEveryPartHasRun(int failingPart)
    {
        var job = new RecordingJob(3) { FailingPart = failingPart };

        var error = Assert.Throws<InvalidOperationException>(() => WorkerPool.Run(job, 3));

        Assert.Equal($"part {failingPart} failed", error.Message);
        Assert.All(job.RunCounts, count => Assert.Equal(1, count));

        job.FailingPart = -1;
        WorkerPool.Run(job, 3);
        Assert.All(job.RunCounts, count => Assert.Equal(2, count));
    }

    [Fact]
    public void Run_FromInsideAPart_RunsTheInnerJobOnThatThread()
    {
        var inner = new RecordingJob(2);
        var outer = new NestingJob(inner);

        WorkerPool.Run(outer, 2);

        Assert.Equal(new[] { 2, 2 }, inner.RunCounts);
        Assert.Equal(outer.ThreadIds[1], inner.ThreadIds[0]);
        Assert.Equal(outer.ThreadIds[1], inner.ThreadIds[1]);
    }

    [Fact]
    public void Run_FromSeveralThreadsAtOnce_RunsEveryPartOfEveryJobOnce()
    {
        const int Callers = 4;
        const int Repeats = 200;
        var jobs = new RecordingJob[Callers];
        for (int i = 0; i < Callers; i++)
        {
            jobs[i] = new RecordingJob(3);
        }

        Parallel.For(0, Callers, new ParallelOptions { MaxDegreeOfParallelism = Callers }, caller =>
        {
            for (int repeat = 0; repeat < Repeats; repeat++)
            {
                WorkerPool.Run(jobs[caller], 3);
            }
        });

        Assert.All(jobs, job => Assert.All(job.RunCounts, count => Assert.Equal(Repeats, count)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void MaxThreads_RejectsLessThanOne(int value)
    {
        int original = WorkerPool.MaxThreads;

        Assert.Throws<ArgumentOutOfRangeException>(() => WorkerPool.MaxThreads = value);

        Assert.Equal(original, WorkerPool.MaxThreads);
    }

    [Fact]
    public void MaxThreads_DefaultsToTheProcessorCount()
    {
        Assert.Equal(Environment.ProcessorCount, WorkerPool.MaxThreads);
    }

    private sealed class RecordingJob(int partCount) : WorkerPoolJob
    {
        public int[] RunCounts { get; } = new int[partCount];

        public int[] ThreadIds { get; } = new int[partCount];

        public int FailingPart { get; set; } = -1;

        public override void Run(int part)
        {
            Interlocked.Increment(ref RunCounts[part]);
            ThreadIds[part] = Environment.CurrentManagedThreadId;
            if (part == FailingPart)
            {
                throw new InvalidOperationException($"part {part} failed");
            }
        }
    }

    private sealed class RendezvousJob : WorkerPoolJob
    {
        private int _started;

        public int[] ThreadIds { get; } = new int[2];

        public bool BothStarted { get; private set; }

        public override void Run(int part)
        {
            ThreadIds[part] = Environment.CurrentManagedThreadId;
            Interlocked.Increment(ref _started);
            if (SpinWait.SpinUntil(() => Volatile.Read(ref _started) == 2, TimeSpan.FromSeconds(10)))
            {
                BothStarted = true;
            }
        }
    }

    private sealed class NestingJob(RecordingJob inner) : WorkerPoolJob
    {
        public int[] ThreadIds { get; } = new int[2];

        public override void Run(int part)
        {
            ThreadIds[part] = Environment.CurrentManagedThreadId;
            if (part == 1)
            {
                WorkerPool.Run(inner, 2);
                WorkerPool.Run(inner, 2);
            }
        }
    }
}
