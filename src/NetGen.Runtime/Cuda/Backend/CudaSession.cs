using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;
using NetGen.Cuda.Interop;
using NetGen.Internal;
using NetGen.Optimizers;

namespace NetGen.Cuda;

/// <summary>
/// A network on a CUDA device: its compiled kernels, every device buffer allocated once for a batch capacity, two
/// pinned staging slots so that the next batch is copied (on a second stream) while the current one computes, and the
/// parameters, gradients and optimizer state living on the device until <see cref="DownloadParameters"/>.
/// </summary>
/// <remarks>
/// <para>
/// A step is <see cref="Stage"/> (copy a batch in), <see cref="LaunchTrainingStep"/> or <see cref="LaunchEvaluation"/>
/// (enqueue the kernels; returns at once), then <see cref="Finish"/> (wait, read the loss and outputs). Staging the
/// next batch between launch and finish overlaps the copy with the computation. Each slot keeps the results of its last
/// step in its own pinned memory, so a launch does not wait for the one before it: the training backend launches step k
/// and then waits only for step k − 1 (<see cref="WaitForStep"/>). Not thread-safe: one call at a time,
/// but from any thread — every public member binds the session's context to the calling thread first, so an async
/// continuation may finish what another thread launched.
/// </para>
/// <para>
/// Ordering: everything that touches the parameters, the layer state or the optimizer state — uploads, the optimizer
/// reset, the launches, the downloads — is enqueued on one compute stream, so it happens in call order on the device
/// without waits on the host; a download then waits for that stream. Only the staged batches travel on the copy
/// stream, ordered with the compute stream by events.
/// </para>
/// <para>
/// Failures: a kernel that faults surfaces at the next wait (<see cref="Finish"/>, a download), named after the launch
/// sequence that was running; set <see cref="SynchronizeLaunches"/> (or <c>NETGEN_CUDA_SYNC_LAUNCHES=1</c>) to wait after
/// every launch and name the kernel. A fault leaves the context unusable (the driver's error is sticky):
/// <see cref="HasFaulted"/> then says so, and the device's parameters cannot be read back.
/// </para>
/// </remarks>
public sealed unsafe class CudaSession : IDisposable
{
    // What the compute stream may be running when a wait fails, as failures name it: constants, so enqueuing allocates nothing.
    private const string TrainingStepWork = "LaunchTrainingStep (forward, loss, backward, norm clipping, optimizer step)";
    private const string GradientsWork = "LaunchGradients (forward, loss, backward)";
    private const string EvaluationWork = "LaunchEvaluation (forward, loss)";
    private const string ForwardWork = "LaunchForward (forward)";
    private const string UploadWork = "UploadParametersAndState";
    private const string ResetWork = "ResetOptimizerState";
    private const string UndoWork = "UndoTrainingStep";

    private static readonly string[] OptimizerStateBuffers = [CudaBufferNames.FirstOptimizerState, CudaBufferNames.SecondOptimizerState];

    private readonly INetwork _network;
    private readonly CudaProgram _program;
    private readonly CudaResources _resources;
    private readonly CudaDeviceContext _context;
    private readonly nint _module;
    private readonly nint _computeStream;
    private readonly nint _copyStream;
    private readonly Dictionary<string, ulong> _buffers = new(StringComparer.Ordinal);
    private readonly Dictionary<CudaLaunch, PreparedLaunch> _launches = new();
    private readonly Dictionary<string, float> _floats = new(StringComparer.Ordinal);
    private readonly Dictionary<CudaStepGraphKey, CudaStepGraph> _graphs = new();
    private List<CudaStepGraph.KernelNode>? _capturedKernels; // while a step is being captured
    private ulong _datasetInputs; // 0 until KeepDatasetResident
    private ulong _datasetTargets;
    private int _datasetCount;
    private readonly StagingSlot[] _slots = new StagingSlot[2];
    private readonly string _inputShapeText;
    private readonly string _outputShapeText;
    private int _nextSlot;
    private int _stagedSlot = -1;
    private long _trainingSteps;
    private bool _training;
    private StagingSlot? _launchedSlot;
    private string? _enqueuedWork;
    private CudaException? _firstFault;
    private bool _disposed;

    /// <summary>
    /// Acquires everything in order, registering each release with <paramref name="resources"/> as soon as it is taken;
    /// <see cref="CudaResources.Own{T}"/> releases them if this throws.
    /// </summary>
    private CudaSession(INetwork network, CudaProgram program, CudaDeviceInfo device, int batchCapacity, KernelCache? cache, CudaResources resources)
    {
        _network = network;
        _program = program;
        _resources = resources;
        _inputShapeText = network.InputSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _outputShapeText = network.OutputSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
        BatchCapacity = batchCapacity;
        Device = device;
        SynchronizeLaunches = CudaLaunchDiagnostics.SynchronizeLaunchesFromEnvironment();
        UseGraphs = CudaStepGraph.EnabledFromEnvironment();
        _context = new CudaDeviceContext(device.Ordinal);
        resources.Add(_context.Dispose);
        Compiled = CudaCompiler.Compile(program, device.ComputeCapabilityMajor, device.ComputeCapabilityMinor, cache);
        _module = LoadModule(network, device, Compiled, resources);
        _computeStream = CreateStream(resources);
        _copyStream = CreateStream(resources);
        foreach (var buffer in program.Buffers.Where(buffer => buffer.Name is not (CudaBufferNames.Inputs or CudaBufferNames.Targets)))
        {
            _buffers[buffer.Name] = Allocate(HostBytes.Of(buffer.Elements(batchCapacity), buffer.ElementBytes), buffer.Name, resources);
        }

        for (var slot = 0; slot < _slots.Length; slot++)
        {
            _slots[slot] = new StagingSlot(this, slot, network.InputSize, network.OutputSize, network.State.Length, batchCapacity, resources);
        }

        foreach (var launch in program.AllLaunches.Concat(program.GatherLaunches)) // the products' small-tile launches included
        {
            if (_launches.ContainsKey(launch))
            {
                continue;
            }

            Check.Cuda(CudaDriverNative.cuModuleGetFunction(out var function, _module, launch.Kernel), "cuModuleGetFunction(" + launch.Kernel + ")");
            var prepared = new PreparedLaunch(function, launch.Arguments.Count, launch.Kernel);
            resources.Add(prepared.Dispose);
            _launches[launch] = prepared;
        }

        UploadParameters();
        ResetOptimizerState();
        Synchronize(); // so that a failure of the first copies surfaces here, where what was taken is released
    }

    /// <summary>Training steps taken, counted on from the network's <see cref="INetwork.TrainingSteps"/> (written back by <see cref="DownloadParameters"/>).</summary>
    public long TrainingSteps => _trainingSteps;

    /// <summary>The device the session runs on.</summary>
    public CudaDeviceInfo Device { get; }

    /// <summary>The compiled program (its architecture, and whether it came from the disk cache).</summary>
    public CompiledCudaProgram Compiled { get; }

    /// <summary>The largest batch the buffers hold.</summary>
    public int BatchCapacity { get; }

    /// <summary>
    /// Whether to wait for the compute stream after every kernel launch, so that a kernel that faults is named in the
    /// exception (<c>cuStreamSynchronize after dense_forward_Hidden failed: CUDA_ERROR_ILLEGAL_ADDRESS …</c>) instead of
    /// surfacing at the next wait. A debug switch: it removes the overlap of host and device. Starts as the environment
    /// variable <c>NETGEN_CUDA_SYNC_LAUNCHES</c> says when the session opens (1, true or yes turn it on).
    /// </summary>
    public bool SynchronizeLaunches { get; set; }

    /// <summary>
    /// Whether each kind of step is captured as a CUDA graph the first time it runs for a batch size and slot, and replayed
    /// after that: one <c>cuGraphLaunch</c> a step instead of a launch per kernel and a call per copy, the results the same
    /// bits. On by default; the environment variable <c>NETGEN_CUDA_GRAPHS=0</c> (read when the session opens) turns it
    /// off. <see cref="SynchronizeLaunches"/> turns it off too, so that a failure names its kernel.
    /// </summary>
    public bool UseGraphs { get; set; }

    /// <summary>The graphs captured so far.</summary>
    internal int GraphCount => _graphs.Count;

    /// <summary>How many times a replay had to update a kernel node's arguments (those that change from step to step).</summary>
    internal long GraphNodeUpdates { get; private set; }

    /// <summary>
    /// Whether a call on the device's streams has failed (a kernel fault, a failed copy or launch). After a kernel fault
    /// the context is unusable: every later call fails with the same error, and the device's parameters are lost —
    /// the network keeps the host parameters it had (those of the last download, or those uploaded).
    /// </summary>
    public bool HasFaulted => _firstFault is not null;

    /// <summary>The first failure <see cref="HasFaulted"/> refers to, or null.</summary>
    public CudaException? FirstFault => _firstFault;

    /// <summary>The outputs of the last finished step (logits for softmax cross-entropy), batch × OutputSize.</summary>
    public ReadOnlySpan<float> LastOutputs => _launchedSlot is null ? default : _launchedSlot.Outputs;

    /// <summary>
    /// After <see cref="Finish"/> of a <see cref="LaunchTrainingStep"/>: <see cref="CudaNonFinite.AllFinite"/> when the step
    /// was taken, else what was NaN or ±∞ (<see cref="CudaNonFinite.Loss"/>, or the index of the first such gradient) and
    /// the update kernels left the parameters and the optimizer state as they were; <see cref="UndoTrainingStep"/> then
    /// puts the layer state back. <see cref="CudaNonFinite.AllFinite"/> after any other launch. The device keeps this
    /// (sticky) until <see cref="UndoTrainingStep"/> clears it: a training step launched after one left out is left out too.
    /// </summary>
    public int LastFirstNonFinite => _launchedSlot is null ? CudaNonFinite.AllFinite : _launchedSlot.FirstNonFinite;

    /// <summary>The targets of the last launched step, from its pinned staging slot (valid until that slot is staged again).</summary>
    public ReadOnlySpan<float> LastTargets => _launchedSlot is null ? default : _launchedSlot.Targets;

    /// <summary>Opens a session for <paramref name="network"/> on <paramref name="device"/>: compiles (or loads from the cache), allocates, uploads the parameters.</summary>
    /// <exception cref="ArgumentException">The network has no CUDA program (it was not generated by NetGen).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The capacity exceeds the program's <see cref="CudaProgram.MaxBatchSize"/>.</exception>
    /// <exception cref="CudaUnavailableException">The driver cannot load what the installed NVRTC compiles; the message names both versions and what to install.</exception>
    /// <exception cref="CudaException">A driver call failed (out of device memory, for one); whatever the session had taken is released.</exception>
    public static CudaSession Open(INetwork network, CudaDeviceInfo device, int batchCapacity, KernelCache? cache = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        return Open(network, ProgramOf(network), device, batchCapacity, cache);
    }

    /// <summary>As <see cref="Open(INetwork, CudaDeviceInfo, int, KernelCache?)"/> with a program other than the network's own (laid out as the network).</summary>
    internal static CudaSession Open(INetwork network, CudaProgram program, CudaDeviceInfo device, int batchCapacity, KernelCache? cache = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(device);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchCapacity);
        program.CheckBatchSize(batchCapacity);
        return CudaResources.Own(resources => new CudaSession(network, program, device, batchCapacity, cache, resources));
    }

    /// <summary>The generated CUDA program of a NetGen network.</summary>
    public static CudaProgram ProgramOf(INetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return network.CudaProgram;
    }

    /// <summary>Copies the network's host parameters and layer state to the device, and takes up its training-step count.</summary>
    public void UploadParameters()
    {
        UploadParametersAndState(_network.Parameters, _network.State);
        _trainingSteps = _network.TrainingSteps;
    }

    /// <summary>Copies the device's parameters and layer state back into the network, with the training steps taken.</summary>
    public void DownloadParameters()
    {
        CopyParametersAndStateTo(_network.Parameters, _network.State);
        _network.TrainingSteps = _trainingSteps;
    }

    /// <summary>
    /// Copies <paramref name="parameters"/> and <paramref name="state"/> (laid out as the network's) to the device,
    /// after the work already launched and before any launched later (in the compute stream's order), leaving the
    /// network and the training-step count as they are. The spans may be reused as soon as this returns.
    /// </summary>
    /// <exception cref="ArgumentException">A span's length differs from the network's.</exception>
    public void UploadParametersAndState(ReadOnlySpan<float> parameters, ReadOnlySpan<float> state)
    {
        Enter();
        CheckLengths(parameters.Length, state.Length);
        Upload(parameters, CudaBufferNames.Parameters);
        Upload(state, CudaBufferNames.State);
    }

    /// <summary>
    /// Copies the device's parameters and layer state into <paramref name="parameters"/> and <paramref name="state"/>
    /// (laid out as the network's) once the launched work is done, leaving the network as it is.
    /// </summary>
    /// <exception cref="ArgumentException">A span's length differs from the network's.</exception>
    public void CopyParametersAndStateTo(Span<float> parameters, Span<float> state)
    {
        Enter();
        CheckLengths(parameters.Length, state.Length);
        fixed (float* parameterValues = parameters, stateValues = state)
        {
            CopyOut(parameterValues, CudaBufferNames.Parameters, parameters.Length);
            CopyOut(stateValues, CudaBufferNames.State, state.Length);
            Synchronize(); // inside fixed: the copies write into the spans until the stream has passed them
        }
    }

    /// <summary>Zeroes the optimizer state on the device (as a new optimizer's) and the norm kernel's block count, and sets the clipping scale to 1, in the compute stream's order.</summary>
    public void ResetOptimizerState()
    {
        Enter();
        foreach (var name in OptimizerStateBuffers)
        {
            var words = HostBytes.Of(_program.Buffer(name).Bytes(BatchCapacity), 1) / sizeof(uint);
            CheckStream(CudaDriverNative.cuMemsetD32Async(_buffers[name], 0, words, _computeStream), "cuMemsetD32Async(" + name + ")");
        }

        CheckStream(CudaDriverNative.cuMemsetD32Async(_buffers[CudaBufferNames.ClipScale], BitConverter.SingleToUInt32Bits(1f), 1, _computeStream), "cuMemsetD32Async(clip_scale)");
        CheckStream(CudaDriverNative.cuMemsetD32Async(_buffers[CudaBufferNames.NormBlocksDone], 0, 1, _computeStream), "cuMemsetD32Async(norm_blocks_done)");
        ClearNonFinite();
        _enqueuedWork ??= ResetWork;
    }

    /// <summary>Copies a batch into the next pinned slot and starts its transfer to the device on the copy stream.</summary>
    public void Stage(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets)
    {
        Enter();
        var count = NetworkGuard.SampleCount(_network.Name, nameof(inputs), inputs.Length, _network.InputSize, _inputShapeText);
        NetworkGuard.SameSampleCount(_network.Name, nameof(targets), targets.Length, _network.OutputSize, _outputShapeText, count);
        if (count > BatchCapacity)
        {
            throw new ArgumentException($"{_network.Name}: a batch of {Plural.Of(count, "sample")} exceeds the session's capacity of {BatchCapacity}.", nameof(inputs));
        }

        var slot = _slots[_nextSlot];
        slot.WaitUntilFree();
        slot.Fill(inputs, targets, count, _copyStream);
        _stagedSlot = _nextSlot;
        _nextSlot = 1 - _nextSlot;
    }

    /// <summary>Whether a dataset is on the device (<see cref="KeepDatasetResident"/>), for <see cref="StageRows"/>.</summary>
    public bool HasResidentDataset => _datasetCount > 0;

    /// <summary>
    /// Copies <paramref name="data"/>'s inputs and targets to the device once, in the compute stream's order, so that a batch
    /// is staged as its row numbers (<see cref="StageRows"/>) and gathered on the device by the step: per batch, 4 bytes a
    /// sample cross the bus instead of the sample. Takes device memory for the whole dataset until the session closes.
    /// </summary>
    /// <exception cref="ArgumentException">The dataset's sample sizes are not the network's.</exception>
    /// <exception cref="InvalidOperationException">The session already holds a dataset.</exception>
    /// <exception cref="CudaException">Out of device memory for the dataset; the session stays usable without it.</exception>
    public void KeepDatasetResident(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        Enter();
        if (HasResidentDataset)
        {
            throw new InvalidOperationException($"{_network.Name}: the session already holds a dataset on the device.");
        }

        if (data.InputSize != _network.InputSize || data.TargetSize != _network.OutputSize || _program.GatherInputs is null)
        {
            throw new ArgumentException(
                $"{_network.Name} takes samples of {_inputShapeText} inputs and {_outputShapeText} targets, but the dataset's have {data.InputSize} and {data.TargetSize}.",
                nameof(data));
        }

        // Taken apart from the session's own, so that a failure midway releases what the dataset took and nothing else.
        var taken = new CudaResources();
        ulong inputs, targets;
        try
        {
            inputs = Allocate(HostBytes.OfFloats((long)data.Count * data.InputSize), CudaBufferNames.DatasetInputs, taken);
            targets = Allocate(HostBytes.OfFloats((long)data.Count * data.TargetSize), CudaBufferNames.DatasetTargets, taken);
            var rows = new (nint Host, ulong Device)[_slots.Length];
            for (var slot = 0; slot < rows.Length; slot++)
            {
                rows[slot] = ((nint)AllocateHost((nuint)BatchCapacity * sizeof(int), taken), Allocate((nuint)BatchCapacity * sizeof(int), CudaBufferNames.BatchRows, taken));
            }

            UploadTo(inputs, data.Inputs, CudaBufferNames.DatasetInputs);
            UploadTo(targets, data.Targets, CudaBufferNames.DatasetTargets);
            for (var slot = 0; slot < rows.Length; slot++)
            {
                _slots[slot].UseRows((int*)rows[slot].Host, rows[slot].Device);
            }
        }
        catch
        {
            taken.Dispose();
            throw;
        }

        _resources.Add(taken.Dispose);
        (_datasetInputs, _datasetTargets, _datasetCount) = (inputs, targets, data.Count);
    }

    /// <summary>
    /// Stages a batch of the dataset on the device (<see cref="KeepDatasetResident"/>): <paramref name="rows"/>, its samples'
    /// row numbers, go to the device on the copy stream, and the step gathers their inputs and targets there.
    /// <paramref name="targets"/>, the same samples' targets gathered on the host, stay in the slot's pinned memory for
    /// <see cref="LastTargets"/> and the accuracy; they do not cross the bus.
    /// </summary>
    /// <exception cref="InvalidOperationException">No dataset is on the device.</exception>
    /// <exception cref="ArgumentException">More rows than the capacity, a row outside the dataset, or targets not of the rows.</exception>
    public void StageRows(ReadOnlySpan<int> rows, ReadOnlySpan<float> targets)
    {
        Enter();
        if (!HasResidentDataset)
        {
            throw new InvalidOperationException($"{_network.Name}: no dataset is on the device; call KeepDatasetResident first, or stage the batch's samples.");
        }

        if (rows.IsEmpty || rows.Length > BatchCapacity)
        {
            throw new ArgumentException($"{_network.Name}: a batch of {Plural.Of(rows.Length, "sample")} is not within the session's capacity of 1 to {BatchCapacity}.", nameof(rows));
        }

        NetworkGuard.SameSampleCount(_network.Name, nameof(targets), targets.Length, _network.OutputSize, _outputShapeText, rows.Length);
        for (var index = 0; index < rows.Length; index++)
        {
            if ((uint)rows[index] >= (uint)_datasetCount)
            {
                throw new ArgumentException($"{_network.Name}: row {rows[index]} (sample {index} of the batch) is outside the dataset's {_datasetCount} rows.", nameof(rows));
            }
        }

        var slot = _slots[_nextSlot];
        slot.WaitUntilFree();
        slot.FillRows(rows, targets, _copyStream);
        _stagedSlot = _nextSlot;
        _nextSlot = 1 - _nextSlot;
    }

    /// <summary>
    /// Enqueues forward, loss, backward and <paramref name="optimizer"/>'s step for the staged batch. The update kernels
    /// leave out a step whose loss or gradients are not finite (<see cref="LastFirstNonFinite"/>); the layer state is
    /// kept on the device as it was before the step (in the slot), for <see cref="UndoTrainingStep"/>. The step's loss, outputs
    /// and non-finite flag are copied into the slot's pinned memory, after which the slot's event is recorded
    /// (<see cref="WaitForStep"/>).
    /// </summary>
    public void LaunchTrainingStep(Optimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        var rule = CudaOptimizerBinding.Rule(optimizer);
        EnqueueTrainingStep(BeginLaunch(training: true, TrainingStepWork), optimizer, rule);
    }

    /// <summary>
    /// Launches again the training step last launched from <paramref name="slot"/>, whose batch is still on the device (the
    /// slot has not been staged since), after <see cref="UndoTrainingSteps"/> undid it: with the step count and the state it
    /// would have had, had the step before it not been launched.
    /// </summary>
    internal void RelaunchTrainingStep(int slot, Optimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        var rule = CudaOptimizerBinding.Rule(optimizer);
        Enter();
        if (slot == _stagedSlot)
        {
            throw new InvalidOperationException($"{_network.Name}: slot {slot} holds a batch staged since; its last step cannot be launched again.");
        }

        EnqueueTrainingStep(BeginLaunch(_slots[slot], training: true, TrainingStepWork), optimizer, rule);
    }

    /// <summary>
    /// After <see cref="Finish"/> of a training step the update kernels left out (<see cref="LastFirstNonFinite"/>): puts
    /// back the layer state (batch normalisation's running statistics, which the forward pass had updated), clears the
    /// non-finite flag and uncounts the step, so that the device holds what it held before it. <paramref name="optimizer"/>
    /// uncounts it too.
    /// </summary>
    public void UndoTrainingStep(Optimizer optimizer)
    {
        Enter();
        if (_launchedSlot is null)
        {
            throw new InvalidOperationException($"{_network.Name}: no training step was launched.");
        }

        UndoTrainingSteps(_launchedSlot.Index, 1, optimizer);
    }

    /// <summary>
    /// Undoes the training step launched from <paramref name="slot"/>, which was left out, and the <paramref name="steps"/> − 1
    /// launched after it (left out too, the flag being sticky): waits for them all, puts back the layer state from before the
    /// first, clears the flag and uncounts the steps here and in <paramref name="optimizer"/>.
    /// </summary>
    internal void UndoTrainingSteps(int slot, int steps, Optimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        Enter();
        CopyState(_buffers[CudaBufferNames.State], _slots[slot].StateBeforeStep);
        ClearNonFinite();
        _enqueuedWork ??= UndoWork;
        Synchronize();
        _trainingSteps -= steps;
        for (var step = 0; step < steps; step++)
        {
            optimizer.UncountStep();
        }
    }

    /// <summary>The slot the last step was launched from.</summary>
    internal int LaunchedSlot => _launchedSlot?.Index ?? -1;

    /// <summary>
    /// Waits for the last step launched from <paramref name="slot"/> and for the copies of its results, not for what was
    /// launched after it; <see cref="StepLoss"/>, <see cref="StepOutputs"/>, <see cref="StepTargets"/> and
    /// <see cref="StepFirstNonFinite"/> then hold them until the slot is staged again.
    /// </summary>
    internal void WaitForStep(int slot)
    {
        Enter();
        var result = CudaDriverNative.cuEventSynchronize(_slots[slot].Free);
        if (result != CudaResult.Success)
        {
            throw Faulted(result, CudaLaunchDiagnostics.SynchronizeAfter(_enqueuedWork), CudaLaunchDiagnostics.Hint(SynchronizeLaunches));
        }
    }

    /// <summary>The loss of the slot's last step, once <see cref="WaitForStep"/> returned.</summary>
    internal float StepLoss(int slot) => _slots[slot].Loss;

    /// <summary>The outputs of the slot's last step, once <see cref="WaitForStep"/> returned.</summary>
    internal ReadOnlySpan<float> StepOutputs(int slot) => _slots[slot].Outputs;

    /// <summary>The targets of the slot's batch.</summary>
    internal ReadOnlySpan<float> StepTargets(int slot) => _slots[slot].Targets;

    /// <summary>The samples in the slot's batch.</summary>
    internal int StepCount(int slot) => _slots[slot].Count;

    /// <summary>As <see cref="LastFirstNonFinite"/> for the slot's last step, once <see cref="WaitForStep"/> returned (a sticky flag names the earlier step).</summary>
    internal int StepFirstNonFinite(int slot) => _slots[slot].FirstNonFinite;

    /// <summary>The gradient <see cref="StepFirstNonFinite"/> names, as the norm kernel found it.</summary>
    internal float StepNonFiniteGradient(int slot) => _slots[slot].NonFiniteGradient;

    /// <summary>One element of the device's gradient buffer (laid out like the parameters), once the launched work is done.</summary>
    public float ReadGradient(int index)
    {
        Enter();
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _network.ParameterCount);
        float value;
        CheckStream(
            CudaDriverNative.cuMemcpyDtoHAsync_v2(&value, _buffers[CudaBufferNames.Gradients] + ((ulong)index * sizeof(float)), sizeof(float), _computeStream),
            "cuMemcpyDtoHAsync_v2(gradients)");
        Synchronize();
        return value;
    }

    /// <summary>Enqueues forward, loss and backward for the staged batch, without a step; <see cref="CopyGradientsTo"/> then reads the gradients.</summary>
    public void LaunchGradients()
    {
        EnqueueStep(CudaStepKind.Gradients, BeginLaunch(training: true, GradientsWork), rule: null);
    }

    /// <summary>Copies the device's gradient buffer (laid out like the parameters) to <paramref name="gradients"/> once the launched work is done.</summary>
    public void CopyGradientsTo(Span<float> gradients)
    {
        Enter();
        if (gradients.Length != _network.ParameterCount)
        {
            throw new ArgumentException($"{_network.Name} has {Plural.Of(_network.ParameterCount, "parameter")} but the span holds {gradients.Length}.", nameof(gradients));
        }

        fixed (float* destination = gradients)
        {
            CopyOut(destination, CudaBufferNames.Gradients, gradients.Length);
            Synchronize();
        }
    }

    /// <summary>Enqueues forward and loss for the staged batch (no gradients, no step).</summary>
    public void LaunchEvaluation()
    {
        EnqueueStep(CudaStepKind.Evaluation, BeginLaunch(training: false, EvaluationWork), rule: null);
    }

    /// <summary>Enqueues the forward pass only, for predictions.</summary>
    public void LaunchForward()
    {
        EnqueueStep(CudaStepKind.Forward, BeginLaunch(training: false, ForwardWork), rule: null);
    }

    /// <summary>Waits for the launched step and returns its loss (NaN after <see cref="LaunchForward"/>); <see cref="LastOutputs"/> then holds its outputs.</summary>
    /// <exception cref="CudaException">The step failed on the device; the message names the launch sequence, or the kernel under <see cref="SynchronizeLaunches"/>.</exception>
    public float Finish()
    {
        Enter();
        Synchronize();
        return _launchedSlot is null ? float.NaN : _launchedSlot.Loss;
    }

    /// <summary>Forward on the device for a batch of samples; the outputs (logits for softmax cross-entropy) are copied to <paramref name="outputs"/>.</summary>
    public void Forward(ReadOnlySpan<float> inputs, Span<float> outputs)
    {
        Enter();
        var count = inputs.Length / _network.InputSize;
        Stage(inputs, new float[HostBytes.SpanLength(count, _network.OutputSize)]);
        LaunchForward();
        Finish();
        LastOutputs.CopyTo(outputs);
    }

    /// <summary>Waits for the device and releases everything the session took, the context last. Never throws, also after a fault.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;

        // Results ignored: after a fault these fail with the sticky error, and the releases must run all the same.
        CudaDriverNative.cuCtxSetCurrent(_context.Handle);
        CudaDriverNative.cuCtxSynchronize();
        _resources.Dispose();
    }

    /// <summary>Every public entry's first step: refuses a disposed session and binds its context to the calling thread.</summary>
    private void Enter()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _context.MakeCurrent();
    }

    /// <summary>Takes the staged slot for a launch in training mode (counting a training step) or inference mode.</summary>
    private StagingSlot BeginLaunch(bool training, string work)
    {
        Enter();
        if (_stagedSlot < 0)
        {
            throw new InvalidOperationException($"{_network.Name}: stage a batch before launching a step.");
        }

        // No wait for the last launch: each slot has its own pinned results, and staging a slot waited for its last step.
        var slot = _slots[_stagedSlot];
        _stagedSlot = -1;
        return BeginLaunch(slot, training, work);
    }

    private StagingSlot BeginLaunch(StagingSlot slot, bool training, string work)
    {
        _training = training;
        if (training)
        {
            _trainingSteps++;
        }

        _enqueuedWork = work;
        CheckStream(CudaDriverNative.cuStreamWaitEvent(_computeStream, slot.Copied, 0), "cuStreamWaitEvent");
        return slot;
    }

    private void EnqueueTrainingStep(StagingSlot slot, Optimizer optimizer, string rule)
    {
        optimizer.CountStep();
        CudaOptimizerBinding.Bind(optimizer, _floats);
        EnqueueStep(CudaStepKind.Training, slot, rule);
    }

    /// <summary>
    /// Enqueues a step's work for the slot's batch — as a replay of its graph when graphs are on, capturing the graph the
    /// first time — then records the slot's event after it.
    /// </summary>
    private void EnqueueStep(CudaStepKind kind, StagingSlot slot, string? rule)
    {
        slot.ResetResults(); // the slot's last step is done with its pinned results: staging waited for it
        if (!UseGraphs || SynchronizeLaunches || !TryEnqueueAsGraph(new CudaStepGraphKey(kind, slot.Index, slot.Count, slot.Gathers, rule), slot))
        {
            EnqueueWork(kind, slot, rule);
        }

        CheckStream(CudaDriverNative.cuEventRecord(slot.Free, _computeStream), "cuEventRecord");
        _launchedSlot = slot;
    }

    /// <summary>The launches and copies of a step, in stream order.</summary>
    private void EnqueueWork(CudaStepKind kind, StagingSlot slot, string? rule)
    {
        if (slot.Gathers)
        {
            Launch(_program.GatherInputs!, slot);
            Launch(_program.GatherTargets!, slot);
        }

        if (kind == CudaStepKind.Training)
        {
            CopyState(slot.StateBeforeStep, _buffers[CudaBufferNames.State]);
        }

        Run(_program.Forward, slot);
        if (kind != CudaStepKind.Forward)
        {
            Run(_program.Loss, slot);
        }

        if (kind is CudaStepKind.Training or CudaStepKind.Gradients)
        {
            Run(_program.Backward, slot);
        }

        if (kind == CudaStepKind.Training)
        {
            Run(_program.ClipNorm, slot); // Also without norm clipping (max_norm = ∞ gives a scale of 1), so the scale is set in stream order.
            Launch(_program.OptimizerSteps[rule!], slot);
        }

        CopyResults(slot, withLoss: kind != CudaStepKind.Forward, withNonFinite: kind == CudaStepKind.Training);
    }

    /// <summary>
    /// Launches the step's graph, capturing it first if this is the key's first step; false (nothing enqueued) when the
    /// session already holds <see cref="CudaStepGraph.MaximumPerSession"/> graphs and this key has none.
    /// </summary>
    private bool TryEnqueueAsGraph(CudaStepGraphKey key, StagingSlot slot)
    {
        if (_graphs.TryGetValue(key, out var graph))
        {
            var kernels = graph.Kernels;
            for (var index = 0; index < kernels.Count; index++) // not foreach: an interface enumerator would allocate every step
            {
                var kernel = kernels[index];
                BindArguments(kernel.Launch, kernel.Prepared, slot);
                if (kernel.Changed)
                {
                    CheckStream(kernel.Update(graph.Exec), kernel.SetParamsCallName);
                    GraphNodeUpdates++;
                }
            }
        }
        else if (_graphs.Count < CudaStepGraph.MaximumPerSession)
        {
            graph = Capture(key, slot);
        }
        else
        {
            return false;
        }

        CheckStream(CudaDriverNative.cuGraphLaunch(graph.Exec, _computeStream), "cuGraphLaunch");
        return true;
    }

    /// <summary>Records the step's work into a graph (nothing runs) and instantiates it; the arguments captured are this step's.</summary>
    private CudaStepGraph Capture(CudaStepGraphKey key, StagingSlot slot)
    {
        CheckStream(CudaDriverNative.cuStreamBeginCapture_v2(_computeStream, CudaCaptureMode.ThreadLocal), "cuStreamBeginCapture_v2");
        var kernels = new List<CudaStepGraph.KernelNode>();
        _capturedKernels = kernels;
        nint captured;
        try
        {
            EnqueueWork(key.Kind, slot, key.Rule);
        }
        catch
        {
            // The stream must leave capture mode whatever failed; what was recorded is dropped.
            if (CudaDriverNative.cuStreamEndCapture(_computeStream, out captured) == CudaResult.Success && captured != 0)
            {
                CudaDriverNative.cuGraphDestroy(captured);
            }

            throw;
        }
        finally
        {
            _capturedKernels = null;
        }

        CheckStream(CudaDriverNative.cuStreamEndCapture(_computeStream, out captured), "cuStreamEndCapture");
        var graph = CudaStepGraph.Instantiate(captured, kernels);
        _resources.Add(graph.Dispose);
        _graphs.Add(key, graph);
        return graph;
    }

    /// <summary>The node of the kernel launch just captured: in one stream's capture, the next operation's only dependency.</summary>
    private nint CapturedNode()
    {
        nint* dependencies;
        nuint count;
        CheckStream(CudaDriverNative.cuStreamGetCaptureInfo_v2(_computeStream, out var status, null, null, &dependencies, &count), "cuStreamGetCaptureInfo_v2");
        if (status != CudaCaptureStatus.Active || count != 1)
        {
            throw new InvalidOperationException($"{_network.Name}: a launch in a capture left capture status {status} with {count} dependencies, not 1.");
        }

        return dependencies[0];
    }

    /// <summary>
    /// Enqueues the copies of the step's results into the slot's pinned memory (which the slot's last step has finished
    /// with: staging waited for it).
    /// </summary>
    private void CopyResults(StagingSlot slot, bool withLoss, bool withNonFinite)
    {
        if (withLoss)
        {
            CheckStream(CudaDriverNative.cuMemcpyDtoHAsync_v2(slot.HostLoss, _buffers[CudaBufferNames.Loss], sizeof(float), _computeStream), "cuMemcpyDtoHAsync_v2");
        }

        if (withNonFinite)
        {
            CheckStream(
                CudaDriverNative.cuMemcpyDtoHAsync_v2(slot.HostNonFinite, _buffers[CudaBufferNames.FirstNonFinite], 2 * sizeof(int), _computeStream),
                "cuMemcpyDtoHAsync_v2");
        }

        CheckStream(
            CudaDriverNative.cuMemcpyDtoHAsync_v2(slot.HostOutputs, _buffers[_program.OutputBuffer], HostBytes.OfFloats((long)slot.Count * _network.OutputSize), _computeStream),
            "cuMemcpyDtoHAsync_v2");
    }

    /// <summary>Clears the sticky non-finite flag, in the compute stream's order.</summary>
    private void ClearNonFinite() =>
        CheckStream(
            CudaDriverNative.cuMemsetD32Async(_buffers[CudaBufferNames.FirstNonFinite], unchecked((uint)CudaNonFinite.AllFinite), 1, _computeStream),
            "cuMemsetD32Async(first_non_finite)");

    /// <summary>The launches that run for the slot's batch, each a product's small-tile form where its grid would leave the device idle (<see cref="CudaLaunch.For"/>).</summary>
    private void Run(IReadOnlyList<CudaLaunch> launches, StagingSlot slot)
    {
        for (var index = 0; index < launches.Count; index++) // not foreach: an interface enumerator would allocate every step
        {
            if (launches[index].RunsFor(slot.Count))
            {
                Launch(launches[index].For(slot.Count, Device.MultiprocessorCount), slot);
            }
        }
    }

    private void Launch(CudaLaunch launch, StagingSlot slot)
    {
        var prepared = _launches[launch];
        BindArguments(launch, prepared, slot);
        var (x, y, z) = launch.Grid(slot.Count);
        CheckStream(
            CudaDriverNative.cuLaunchKernel(prepared.Function, (uint)x, (uint)y, (uint)z, (uint)launch.BlockThreads, 1, 1, 0, _computeStream, prepared.Arguments, null),
            prepared.CallName);
        if (_capturedKernels is not null)
        {
            _capturedKernels.Add(new CudaStepGraph.KernelNode(launch, prepared, CapturedNode(), (x, y, z)));
        }
        else if (SynchronizeLaunches)
        {
            CheckStream(CudaDriverNative.cuStreamSynchronize(_computeStream), prepared.SynchronizeCallName);
        }
    }

    /// <summary>Sets the launch's arguments for the slot's batch in its argument block.</summary>
    private void BindArguments(CudaLaunch launch, PreparedLaunch prepared, StagingSlot slot)
    {
        for (var index = 0; index < launch.Arguments.Count; index++)
        {
            var argument = launch.Arguments[index];
            switch (argument.Kind)
            {
                case CudaArgumentKind.BatchSize:
                    prepared.SetInt(index, slot.Count);
                    break;
                case CudaArgumentKind.Float:
                    prepared.SetFloat(index, _floats[argument.Name]);
                    break;
                case CudaArgumentKind.Training:
                    prepared.SetInt(index, _training ? 1 : 0);
                    break;
                case CudaArgumentKind.RandomSeed:
                    prepared.SetInt(index, _network.Seed);
                    break;
                case CudaArgumentKind.TrainingStep:
                    prepared.SetLong(index, _trainingSteps);
                    break;
                case CudaArgumentKind.Buffer:
                    prepared.SetPointer(index, argument.Name switch
                    {
                        CudaBufferNames.Inputs => slot.DeviceInputs,
                        CudaBufferNames.Targets => slot.DeviceTargets,
                        CudaBufferNames.DatasetInputs => _datasetInputs,
                        CudaBufferNames.DatasetTargets => _datasetTargets,
                        CudaBufferNames.BatchRows => slot.DeviceRows,
                        _ => _buffers[argument.Name],
                    });
                    break;
                default:
                    throw new NotSupportedException($"{_network.Name}: {launch.Kernel} takes an argument of kind {argument.Kind}, which this runtime cannot bind.");
            }
        }
    }

    private void CopyState(ulong destination, ulong source)
    {
        if (_network.State.Length > 0)
        {
            CheckStream(CudaDriverNative.cuMemcpyDtoDAsync_v2(destination, source, HostBytes.OfFloats(_network.State.Length), _computeStream), "cuMemcpyDtoDAsync_v2");
        }
    }

    /// <summary>
    /// Enqueues a copy of <paramref name="values"/> into <paramref name="buffer"/> on the compute stream. From pageable
    /// memory the call returns once the driver has taken the values into its staging buffer, so the span may change
    /// right after; the copy itself is ordered after the work enqueued before it and before the work enqueued after.
    /// </summary>
    private void Upload(ReadOnlySpan<float> values, string buffer)
    {
        if (values.IsEmpty)
        {
            return;
        }

        UploadTo(_buffers[buffer], values, buffer);
    }

    /// <summary>As <see cref="Upload"/>, into device memory at <paramref name="destination"/>.</summary>
    private void UploadTo(ulong destination, ReadOnlySpan<float> values, string buffer)
    {
        fixed (float* source = values)
        {
            var result = CudaDriverNative.cuMemcpyHtoDAsync_v2(destination, source, HostBytes.OfFloats(values.Length), _computeStream);
            if (result != CudaResult.Success)
            {
                throw Faulted(result, "cuMemcpyHtoDAsync_v2(" + buffer + ")");
            }
        }

        _enqueuedWork ??= UploadWork;
    }

    /// <summary>Enqueues a copy of <paramref name="count"/> floats of <paramref name="buffer"/> to <paramref name="destination"/> on the compute stream; the caller waits for it.</summary>
    private void CopyOut(float* destination, string buffer, int count)
    {
        if (count == 0)
        {
            return;
        }

        var result = CudaDriverNative.cuMemcpyDtoHAsync_v2(destination, _buffers[buffer], HostBytes.OfFloats(count), _computeStream);
        if (result != CudaResult.Success)
        {
            throw Faulted(result, "cuMemcpyDtoHAsync_v2(" + buffer + ")");
        }
    }

    private void CheckLengths(int parameters, int state)
    {
        if (parameters != _network.ParameterCount || state != _network.State.Length)
        {
            throw new ArgumentException(
                $"{_network.Name} has {Plural.Of(_network.ParameterCount, "parameter")} and {Plural.Of(_network.State.Length, "state value")}, but the spans hold {parameters} and {state}.");
        }
    }

    /// <summary>Waits for the compute stream; a failure names what was enqueued since the last wait and, unless every launch is waited for, the debug switch.</summary>
    private void Synchronize()
    {
        var result = CudaDriverNative.cuStreamSynchronize(_computeStream);
        if (result != CudaResult.Success)
        {
            throw Faulted(result, CudaLaunchDiagnostics.SynchronizeAfter(_enqueuedWork), CudaLaunchDiagnostics.Hint(SynchronizeLaunches));
        }

        _enqueuedWork = null;
    }

    /// <summary>Throws for a failed call on the streams, remembering the session as faulted. Allocates nothing on success.</summary>
    private void CheckStream(CudaResult result, string call)
    {
        if (result != CudaResult.Success)
        {
            throw Faulted(result, call);
        }
    }

    private CudaException Faulted(CudaResult result, string call, string? hint = null)
    {
        var exception = new CudaException(call, result, hint);
        _firstFault ??= exception;
        return exception;
    }

    /// <summary>Loads the compiled image, first making sure the driver can (see <see cref="CudaDriverCompatibility"/>).</summary>
    private static nint LoadModule(INetwork network, CudaDeviceInfo device, CompiledCudaProgram compiled, CudaResources resources)
    {
        if (CudaDriverCompatibility.ProblemFor(CudaDriverCompatibility.TargetOf(compiled.Architecture)) is { } problem)
        {
            throw new CudaUnavailableException($"{network.Name} cannot run on {device}: {problem}.");
        }

        var result = CudaDriverNative.cuModuleLoadData(out var module, compiled.Image);
        if (result == CudaResult.UnsupportedPtxVersion)
        {
            Check.Cuda(CudaDriverNative.cuDriverGetVersion(out var driverVersion), "cuDriverGetVersion");
            throw new CudaException("cuModuleLoadData", result, CudaDriverCompatibility.UnsupportedPtxHint(driverVersion, Nvrtc.Version));
        }

        Check.Cuda(result, "cuModuleLoadData");
        resources.Add(() => CudaDriverNative.cuModuleUnload(module));
        return module;
    }

    private static nint CreateStream(CudaResources resources)
    {
        Check.Cuda(CudaDriverNative.cuStreamCreate(out var stream, CudaStreamFlags.NonBlocking), "cuStreamCreate");
        resources.Add(() => CudaDriverNative.cuStreamDestroy_v2(stream));
        return stream;
    }

    private static nint CreateEvent(CudaResources resources)
    {
        Check.Cuda(CudaDriverNative.cuEventCreate(out var cudaEvent, CudaEventFlags.DisableTiming), "cuEventCreate");
        resources.Add(() => CudaDriverNative.cuEventDestroy_v2(cudaEvent));
        return cudaEvent;
    }

    private static ulong Allocate(nuint bytes, string what, CudaResources resources)
    {
        var result = CudaDriverNative.cuMemAlloc_v2(out var pointer, Math.Max(bytes, 4));
        if (result != CudaResult.Success)
        {
            throw new CudaException("cuMemAlloc_v2(" + what + ", " + bytes + " bytes)", result);
        }

        resources.Add(() => CudaDriverNative.cuMemFree_v2(pointer));
        return pointer;
    }

    private static void* AllocateHost(nuint bytes, CudaResources resources)
    {
        Check.Cuda(CudaDriverNative.cuMemAllocHost_v2(out var pointer, Math.Max(bytes, 4)), "cuMemAllocHost_v2(" + bytes + " bytes)");
        var address = (nint)pointer;
        resources.Add(() => CudaDriverNative.cuMemFreeHost((void*)address));
        return pointer;
    }

    /// <summary>Pinned host memory and device memory for one batch of inputs and targets, with the events that order their reuse.</summary>
    private sealed class StagingSlot
    {
        private readonly CudaSession _session;
        private readonly int _targetSize;
        private readonly float* _hostInputs;
        private readonly float* _hostTargets;
        private int* _hostRows;
        private bool _used;

        public StagingSlot(CudaSession session, int index, int inputSize, int targetSize, int stateSize, int capacity, CudaResources resources)
        {
            _session = session;
            _targetSize = targetSize;
            Index = index;
            _hostInputs = (float*)AllocateHost(HostBytes.OfFloats((long)capacity * inputSize), resources);
            _hostTargets = (float*)AllocateHost(HostBytes.OfFloats((long)capacity * targetSize), resources);
            DeviceInputs = Allocate(HostBytes.OfFloats((long)capacity * inputSize), CudaBufferNames.Inputs, resources);
            DeviceTargets = Allocate(HostBytes.OfFloats((long)capacity * targetSize), CudaBufferNames.Targets, resources);
            Copied = CreateEvent(resources);
            Free = CreateEvent(resources);
            HostLoss = (float*)AllocateHost(sizeof(float), resources);
            HostNonFinite = (int*)AllocateHost(2 * sizeof(int), resources);
            HostOutputs = (float*)AllocateHost(HostBytes.OfFloats((long)capacity * targetSize), resources);
            StateBeforeStep = Allocate(HostBytes.OfFloats(stateSize), "state before the step", resources);
            ResetResults();
        }

        /// <summary>The slot's place in the session's two.</summary>
        public int Index { get; }

        /// <summary>Pinned: the loss of the slot's last step.</summary>
        public float* HostLoss { get; }

        /// <summary>Pinned: the non-finite flag after the slot's last training step, then the gradient's bits.</summary>
        public int* HostNonFinite { get; }

        /// <summary>Pinned: the outputs of the slot's last step.</summary>
        public float* HostOutputs { get; }

        /// <summary>The layer state as it was before the slot's last training step.</summary>
        public ulong StateBeforeStep { get; }

        public float Loss => *HostLoss;

        public int FirstNonFinite => HostNonFinite[0];

        public float NonFiniteGradient => BitConverter.Int32BitsToSingle(HostNonFinite[1]);

        public ReadOnlySpan<float> Outputs => new(HostOutputs, HostBytes.SpanLength(Count, _targetSize));

        /// <summary>What a launch that copies no loss or flag leaves: NaN, all finite.</summary>
        public void ResetResults()
        {
            *HostLoss = float.NaN;
            HostNonFinite[0] = CudaNonFinite.AllFinite;
            HostNonFinite[1] = 0;
        }

        public ulong DeviceInputs { get; }

        public ulong DeviceTargets { get; }

        /// <summary>Recorded on the copy stream when the batch is on the device.</summary>
        public nint Copied { get; }

        /// <summary>Recorded on the compute stream when the step that read the slot is done with it and its results are copied out.</summary>
        public nint Free { get; }

        public int Count { get; private set; }

        public ReadOnlySpan<float> Targets => new(_hostTargets, HostBytes.SpanLength(Count, _targetSize));

        /// <summary>
        /// Blocks until the last step that used this slot no longer needs it, and until its last copy has left the pinned
        /// memory (a batch staged but never launched has no step to wait for).
        /// </summary>
        public void WaitUntilFree()
        {
            if (_used)
            {
                _session.CheckStream(CudaDriverNative.cuEventSynchronize(Copied), "cuEventSynchronize");
                _session.CheckStream(CudaDriverNative.cuEventSynchronize(Free), "cuEventSynchronize");
            }
        }

        /// <summary>Takes pinned memory and device memory for a batch's row numbers, once the session holds a dataset.</summary>
        public void UseRows(int* hostRows, ulong deviceRows)
        {
            _hostRows = hostRows;
            DeviceRows = deviceRows;
        }

        /// <summary>The device's copy of the batch's row numbers (0 before <see cref="UseRows"/>).</summary>
        public ulong DeviceRows { get; private set; }

        /// <summary>Whether the slot's batch is gathered on the device from its rows (<see cref="FillRows"/>) rather than copied in.</summary>
        public bool Gathers { get; private set; }

        public void FillRows(ReadOnlySpan<int> rows, ReadOnlySpan<float> targets, nint copyStream)
        {
            rows.CopyTo(new Span<int>(_hostRows, rows.Length));
            targets.CopyTo(new Span<float>(_hostTargets, targets.Length));
            _session.CheckStream(CudaDriverNative.cuMemcpyHtoDAsync_v2(DeviceRows, _hostRows, (nuint)rows.Length * sizeof(int), copyStream), "cuMemcpyHtoDAsync_v2(batch_rows)");
            _session.CheckStream(CudaDriverNative.cuEventRecord(Copied, copyStream), "cuEventRecord");
            Count = rows.Length;
            Gathers = true;
            _used = true;
        }

        public void Fill(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, int count, nint copyStream)
        {
            Gathers = false;
            inputs.CopyTo(new Span<float>(_hostInputs, inputs.Length));
            targets.CopyTo(new Span<float>(_hostTargets, targets.Length));
            _session.CheckStream(CudaDriverNative.cuMemcpyHtoDAsync_v2(DeviceInputs, _hostInputs, HostBytes.OfFloats(inputs.Length), copyStream), "cuMemcpyHtoDAsync_v2(inputs)");
            _session.CheckStream(CudaDriverNative.cuMemcpyHtoDAsync_v2(DeviceTargets, _hostTargets, HostBytes.OfFloats(targets.Length), copyStream), "cuMemcpyHtoDAsync_v2(targets)");
            _session.CheckStream(CudaDriverNative.cuEventRecord(Copied, copyStream), "cuEventRecord");
            Count = count;
            _used = true;
        }
    }
}
