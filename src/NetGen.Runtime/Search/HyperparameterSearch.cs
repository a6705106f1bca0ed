using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace NetGen.Search;

/// <summary>
/// Trains each configuration of a search on the same data, with early stopping on the same validation samples, and
/// reports them all and the best. The same configurations, data and options give the same results whether the trials
/// run one after another or several at once.
/// </summary>
public static class HyperparameterSearch
{
    /// <summary>Grid search: trains every configuration of <paramref name="space"/> (see <see cref="GridSearch.Configurations"/>).</summary>
    /// <inheritdoc cref="Run" path="/exception"/>
    public static SearchResult Grid(SearchSpace space, Dataset training, SearchOptions? options = null) =>
        Run(GridSearch.Configurations(space), training, options);

    /// <summary>
    /// Random search: trains <paramref name="trials"/> configurations drawn from <paramref name="space"/> with
    /// <see cref="SearchOptions.Seed"/> (see <see cref="RandomSearch.Configurations"/>).
    /// </summary>
    /// <inheritdoc cref="Run" path="/exception"/>
    public static SearchResult Random(SearchSpace space, int trials, Dataset training, SearchOptions? options = null) =>
        Run(RandomSearch.Configurations(space, trials, (options ?? new SearchOptions()).Seed), training, options);

    /// <summary>
    /// Trains every configuration in <paramref name="configurations"/>: a fresh network from its candidate's factory,
    /// initialised with <see cref="SearchOptions.Seed"/>, trained on the training part of <paramref name="training"/> for
    /// up to <see cref="SearchOptions.MaxEpochs"/> epochs with <see cref="EarlyStopping"/> on the validation loss, and
    /// scored by its lowest validation loss.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// No configuration is given, their indices are not 0, 1, 2, …, or the data does not fit a network.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its range.</exception>
    /// <exception cref="OperationCanceledException"><see cref="SearchOptions.Cancellation"/> was cancelled.</exception>
    public static SearchResult Run(IReadOnlyList<TrialConfiguration> configurations, Dataset training, SearchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(configurations);
        ArgumentNullException.ThrowIfNull(training);
        options ??= new SearchOptions();
        options.Validate();
        RequireIndexed(configurations);
        options.Cancellation.ThrowIfCancellationRequested();

        var clock = Stopwatch.StartNew();
        var data = SearchData.Prepare(training, options);
        var results = new TrialResult[configurations.Count];
        var gate = new object();
        TrialResult? best = null;
        INetwork? bestNetwork = null;
        using (var threads = new CpuThreadShare(Math.Min(options.MaxParallelTrials, configurations.Count)))
        {
            RunInParallel(configurations.Count, threads.ParallelTrials, options.Cancellation, index =>
            {
                var (result, network) = TrialRunner.Run(configurations[index], data, options);
                lock (gate)
                {
                    results[index] = result;
                    if (best is null || result.IsBetterThan(best))
                    {
                        (best, bestNetwork) = (result, network);
                    }

                    options.TrialCompleted?.Invoke(result);
                }
            });
        }

        return new SearchResult(results, best!, bestNetwork!, clock.Elapsed);
    }

    // Each of `parallel` threads (the caller's among them) takes the next trial until none is left or one has failed.
    private static void RunInParallel(int count, int parallel, CancellationToken cancellation, Action<int> runTrial)
    {
        var next = -1;
        Exception? firstError = null;
        void Work()
        {
            int index;
            while (Volatile.Read(ref firstError) is null && (index = Interlocked.Increment(ref next)) < count)
            {
                try
                {
                    cancellation.ThrowIfCancellationRequested();
                    runTrial(index);
                }
                catch (Exception error)
                {
                    Interlocked.CompareExchange(ref firstError, error, null);
                }
            }
        }

        var helpers = new Task[parallel - 1];
        for (var i = 0; i < helpers.Length; i++)
        {
            helpers[i] = Task.Factory.StartNew(Work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        Work();
        Task.WaitAll(helpers);
        if (firstError is not null)
        {
            ExceptionDispatchInfo.Throw(firstError);
        }
    }

    private static void RequireIndexed(IReadOnlyList<TrialConfiguration> configurations)
    {
        if (configurations.Count == 0)
        {
            throw new ArgumentException("The search has no configuration to try; give at least one.", nameof(configurations));
        }

        for (var index = 0; index < configurations.Count; index++)
        {
            if (configurations[index] is not { } configuration || configuration.Index != index)
            {
                throw new ArgumentException(
                    $"configurations[{index}] is {(configurations[index] is null ? "null" : $"indexed {configurations[index].Index}")}; " +
                    "configurations must be indexed 0, 1, 2, … in order, as GridSearch and RandomSearch make them.",
                    nameof(configurations));
            }
        }
    }
}
