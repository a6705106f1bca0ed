using System;
using System.Collections.Generic;
using System.Linq;

namespace NetGen.Cuda;

/// <summary>
/// A network's CUDA translation unit and everything needed to run it: the buffers its kernels use and, pass by
/// pass, the launches in order. The generator builds one per network with every shape a constant; the CUDA backend
/// (and the test harness that runs the same source on the CPU) only bind buffers, the batch size and the
/// optimizer's hyper-parameters.
/// </summary>
public sealed class CudaProgram
{
    public CudaProgram(
        string networkName,
        string source,
        IReadOnlyList<CudaBuffer> buffers,
        IReadOnlyList<CudaLaunch> forward,
        IReadOnlyList<CudaLaunch> loss,
        IReadOnlyList<CudaLaunch> backward,
        IReadOnlyList<CudaLaunch> clipNorm,
        IReadOnlyDictionary<string, CudaLaunch> optimizerSteps,
        string outputBuffer)
    {
        NetworkName = networkName;
        GeneratedSource = source;
        Buffers = buffers;
        if (SampleSize(buffers, CudaBufferNames.Inputs) is { } inputSize && SampleSize(buffers, CudaBufferNames.Targets) is { } targetSize)
        {
            GatherInputs = CudaGatherKernels.InputsLaunch(inputSize);
            GatherTargets = CudaGatherKernels.TargetsLaunch(targetSize);
            source += CudaGatherKernels.Source(inputSize, targetSize);
        }

        Source = source;
        Forward = forward;
        Loss = loss;
        Backward = backward;
        ClipNorm = clipNorm;
        OptimizerSteps = optimizerSteps;
        OutputBuffer = outputBuffer;
        var known = new HashSet<string>(buffers.Select(buffer => buffer.Name), StringComparer.Ordinal)
        {
            CudaBufferNames.DatasetInputs, CudaBufferNames.DatasetTargets, CudaBufferNames.BatchRows, // the session's own
        };
        foreach (var launch in PassLaunches)
        {
            if (launch.SmallTiles is { } small &&
                (small.SmallTiles is not null || !small.Arguments.SequenceEqual(launch.Arguments) || small.BlockThreads != launch.BlockThreads ||
                 small.MinimumBatch != launch.MinimumBatch || small.GridZ != launch.GridZ))
            {
                throw new ArgumentException($"{networkName}: {launch.Kernel}'s small-tile launch {small.Kernel} differs from it in more than its kernel and grid x and y.");
            }
        }

        foreach (var launch in AllLaunches.Concat(GatherLaunches))
        {
            foreach (var argument in launch.Arguments.Where(argument => argument.Kind == CudaArgumentKind.Buffer))
            {
                if (!known.Contains(argument.Name))
                {
                    throw new ArgumentException($"{networkName}: kernel {launch.Kernel} takes buffer '{argument.Name}', which the program does not declare.");
                }
            }
        }

        if (!known.Contains(outputBuffer))
        {
            throw new ArgumentException($"{networkName}: the output buffer '{outputBuffer}' is not declared.");
        }

        (MaxBatchSize, MaxBatchSizeLimit) = LargestBatch(buffers, AllLaunches);
    }

    /// <summary>
    /// The largest batch this program runs: every buffer within <see cref="CudaLimits.BufferElements"/> elements (the
    /// kernels index with 32-bit ints) and every launch's grid within <see cref="CudaLimits"/>. A session refuses a larger
    /// capacity with <see cref="MaxBatchSizeLimit"/> in its message.
    /// </summary>
    public int MaxBatchSize { get; }

    /// <summary>What sets <see cref="MaxBatchSize"/>: the buffer or launch that a larger batch would overflow; empty when nothing does.</summary>
    public string MaxBatchSizeLimit { get; }

    /// <summary>The network's class name; also NVRTC's program name, so compiler messages name the network.</summary>
    public string NetworkName { get; }

    /// <summary>
    /// The CUDA C source compiled: one translation unit, <c>extern "C"</c> kernels — the <see cref="GeneratedSource"/>
    /// followed by the runtime's gather kernels (<see cref="GatherInputs"/>, <see cref="GatherTargets"/>).
    /// </summary>
    public string Source { get; }

    /// <summary>The source as the generator wrote it (the constructor's).</summary>
    public string GeneratedSource { get; }

    /// <summary>
    /// Gathers a batch's inputs from a dataset kept on the device (<see cref="CudaSession.KeepDatasetResident"/>); null for a
    /// program without an inputs and a targets buffer.
    /// </summary>
    public CudaLaunch? GatherInputs { get; }

    /// <summary>Gathers a batch's targets from a dataset kept on the device; null when <see cref="GatherInputs"/> is.</summary>
    public CudaLaunch? GatherTargets { get; }

    /// <summary>Every device buffer the kernels use.</summary>
    public IReadOnlyList<CudaBuffer> Buffers { get; }

    /// <summary>Inputs to outputs.</summary>
    public IReadOnlyList<CudaLaunch> Forward { get; }

    /// <summary>After <see cref="Forward"/>: the reduced loss into <see cref="CudaBufferNames.Loss"/> and the output layer's δ.</summary>
    public IReadOnlyList<CudaLaunch> Loss { get; }

    /// <summary>After <see cref="Loss"/>: every gradient into <see cref="CudaBufferNames.Gradients"/>.</summary>
    public IReadOnlyList<CudaLaunch> Backward { get; }

    /// <summary>
    /// The gradient norm, then the clipping scale into <see cref="CudaBufferNames.ClipScale"/> and, into
    /// <see cref="CudaBufferNames.FirstNonFinite"/>, what of the loss and the gradients is NaN or ±∞ (see
    /// <see cref="CudaNonFinite"/>), then the first such gradient's bits; run before every step, whose update kernels change
    /// nothing when something is. The flag is sticky: it is written only while it says all finite, so once a step is left
    /// out every later one is too, until the host clears it.
    /// </summary>
    public IReadOnlyList<CudaLaunch> ClipNorm { get; }

    /// <summary>The update kernel of each optimizer rule, keyed by rule ("Sgd", "Momentum", "Nesterov", "Adagrad", "AdaDelta", "RmsProp", "Adam", "Rprop").</summary>
    public IReadOnlyDictionary<string, CudaLaunch> OptimizerSteps { get; }

    /// <summary>The buffer holding the network's outputs after <see cref="Forward"/> (logits for softmax cross-entropy).</summary>
    public string OutputBuffer { get; }

    /// <summary>Every launch of every pass, each followed by its <see cref="CudaLaunch.SmallTiles"/> where it has one.</summary>
    public IEnumerable<CudaLaunch> AllLaunches =>
        PassLaunches.SelectMany(launch => launch.SmallTiles is { } small ? new[] { launch, small } : new[] { launch });

    /// <summary>
    /// The runtime's gather launches (<see cref="GatherInputs"/>, <see cref="GatherTargets"/>; none for a program without
    /// inputs and targets), apart from <see cref="AllLaunches"/> because the buffers they read are the session's, not the program's.
    /// </summary>
    public IEnumerable<CudaLaunch> GatherLaunches => new[] { GatherInputs, GatherTargets }.OfType<CudaLaunch>();

    private IEnumerable<CudaLaunch> PassLaunches =>
        Forward.Concat(Loss).Concat(Backward).Concat(ClipNorm).Concat(OptimizerSteps.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => pair.Value));

    /// <summary>Every kernel's name, once each, in launch order.</summary>
    public IReadOnlyList<string> KernelNames => AllLaunches.Select(launch => launch.Kernel).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>Throws when a batch of <paramref name="batchSize"/> exceeds <see cref="MaxBatchSize"/>, naming what it would overflow.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The batch is larger than the program can run.</exception>
    public void CheckBatchSize(int batchSize)
    {
        if (batchSize > MaxBatchSize)
        {
            throw new ArgumentOutOfRangeException(
                nameof(batchSize), batchSize,
                FormattableString.Invariant($"{NetworkName} runs on CUDA in batches of at most {MaxBatchSize:N0} samples: beyond that, {MaxBatchSizeLimit}. Use a smaller batch size."));
        }
    }

    /// <summary>The buffer named <paramref name="name"/>.</summary>
    private static int? SampleSize(IReadOnlyList<CudaBuffer> buffers, string name) =>
        buffers.FirstOrDefault(buffer => buffer.Name == name) is { ElementsPerSample: > 0 and <= int.MaxValue } buffer ? (int)buffer.ElementsPerSample : null;

    public CudaBuffer Buffer(string name) =>
        Buffers.FirstOrDefault(buffer => buffer.Name == name) ??
        throw new ArgumentException($"{NetworkName}'s CUDA program has no buffer named '{name}'.", nameof(name));

    private static (int Batch, string Limit) LargestBatch(IEnumerable<CudaBuffer> buffers, IEnumerable<CudaLaunch> launches)
    {
        long largest = int.MaxValue;
        var limit = string.Empty;
        foreach (var buffer in buffers)
        {
            Lower(buffer.LargestBatchWithin(CudaLimits.BufferElements), FormattableString.Invariant($"buffer '{buffer.Name}' ({buffer.ElementsPerSample:N0} elements a sample) would pass {CudaLimits.BufferElements:N0} elements"));
        }

        foreach (var launch in launches)
        {
            Lower(launch.GridX.LargestBatchWithin(CudaLimits.GridX), FormattableString.Invariant($"{launch.Kernel}'s grid x would pass {CudaLimits.GridX:N0} blocks"));
            Lower(launch.GridY.LargestBatchWithin(CudaLimits.GridYZ), FormattableString.Invariant($"{launch.Kernel}'s grid y would pass {CudaLimits.GridYZ:N0} blocks"));
            Lower(launch.GridZ.LargestBatchWithin(CudaLimits.GridYZ), FormattableString.Invariant($"{launch.Kernel}'s grid z would pass {CudaLimits.GridYZ:N0} blocks"));
        }

        return ((int)largest, limit);

        void Lower(long batch, string reason)
        {
            if (batch < largest)
            {
                largest = batch;
                limit = reason;
            }
        }
    }
}

/// <summary>Names of the buffers every network's program has.</summary>
public static class CudaBufferNames
{
    public const string Inputs = "inputs";
    public const string Targets = "targets";

    /// <summary>A dataset's inputs kept on the device (<see cref="CudaSession.KeepDatasetResident"/>); bound by the session, not declared by a program.</summary>
    public const string DatasetInputs = "dataset_inputs";

    /// <summary>A dataset's targets kept on the device; bound by the session, not declared by a program.</summary>
    public const string DatasetTargets = "dataset_targets";

    /// <summary>The dataset rows of a staged batch, for the gather kernels; bound by the session, not declared by a program.</summary>
    public const string BatchRows = "batch_rows";
    public const string Parameters = "parameters";
    public const string Gradients = "gradients";
    public const string State = "state";
    public const string FirstOptimizerState = "optimizer_state_0";
    public const string SecondOptimizerState = "optimizer_state_1";
    public const string NormPartials = "norm_partials";

    /// <summary>Blocks of the norm kernel that have added their partial in this step; 0 between steps (the last block resets it). Zeroed with the optimizer state.</summary>
    public const string NormBlocksDone = "norm_blocks_done";
    public const string ClipScale = "clip_scale";
    public const string FirstNonFinite = "first_non_finite";
    public const string Loss = "loss";
}

/// <summary>What the <see cref="CudaProgram.ClipNorm"/> pass writes into <see cref="CudaBufferNames.FirstNonFinite"/> (NG_ALL_FINITE and NG_NON_FINITE_LOSS in the CUDA source).</summary>
public static class CudaNonFinite
{
    /// <summary>The loss and every gradient are finite; the update kernels step. Any other value: they change nothing.</summary>
    public const int AllFinite = -1;

    /// <summary>The loss is NaN or ±∞ (the gradients are not looked at). A value from 0 up is the index of the first non-finite gradient.</summary>
    public const int Loss = -2;
}
