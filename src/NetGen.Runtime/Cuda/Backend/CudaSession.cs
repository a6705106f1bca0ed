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
/// A step is <see cref="Stage"/> (copy a batch in), <see cref="LaunchTrainingStep"/> or <see cref="LaunchEvaluation"/>
/// (enqueue the kernels; returns at once), then <see cref="Finish"/> (wait, read the loss and outputs). Staging the
/// next batch between launch and finish overlaps the copy with the computation. Not thread-safe.
/// </remarks>
public sealed unsafe class CudaSession : IDisposable
{
    private readonly INetwork _network;
    private readonly CudaProgram _program;
    private readonly CudaDeviceContext _context;
    private readonly nint _module;
    private readonly nint _computeStream;
    private readonly nint _copyStream;
    private readonly Dictionary<string, ulong> _buffers = new(StringComparer.Ordinal);
    private readonly Dictionary<CudaLaunch, PreparedLaunch> _launches = new();
    private readonly Dictionary<string, float> _floats = new(StringComparer.Ordinal);
    private readonly StagingSlot[] _slots = new StagingSlot[2];
    private readonly float* _hostLoss;
    private readonly int* _hostFirstNonFinite;
    private readonly ulong _stateBeforeStep;
    private readonly float* _hostOutputs;
    private readonly string _inputShapeText;
    private readonly string _outputShapeText;
    private int _nextSlot;
    private int _stagedSlot = -1;
    private int _launchedCount;
    private long _trainingSteps;
    private bool _training;
    private StagingSlot? _launchedSlot;
    private bool _disposed;

    private CudaSession(INetwork network, CudaProgram program, CudaDeviceInfo device, int batchCapacity, KernelCache? cache)
    {
        _network = network;
        _program = program;
        _inputShapeText = network.InputSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _outputShapeText = network.OutputSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
        BatchCapacity = batchCapacity;
        Device = device;
        _context = new CudaDeviceContext(device.Ordinal);
        Compiled = CudaCompiler.Compile(program, device.ComputeCapabilityMajor, device.ComputeCapabilityMinor, cache);
        Check.Cuda(CudaDriverNative.cuModuleLoadData(out _module, Compiled.Image), "cuModuleLoadData");
        Check.Cuda(CudaDriverNative.cuStreamCreate(out _computeStream, CudaStreamFlags.NonBlocking), "cuStreamCreate");
        Check.Cuda(CudaDriverNative.cuStreamCreate(out _copyStream, CudaStreamFlags.NonBlocking), "cuStreamCreate");
        foreach (var buffer in program.Buffers.Where(buffer => buffer.Name is not (CudaBufferNames.Inputs or CudaBufferNames.Targets)))
        {
            _buffers[buffer.Name] = Allocate(buffer.Bytes(batchCapacity), buffer.Name);
        }

        for (var slot = 0; slot < _slots.Length; slot++)
        {
            _slots[slot] = new StagingSlot(network.InputSize, network.OutputSize, batchCapacity);
        }

        _hostLoss = (float*)AllocateHost(sizeof(float));
        _hostFirstNonFinite = (int*)AllocateHost(sizeof(int));
        _stateBeforeStep = Allocate((long)network.State.Length * sizeof(float), "state before the step");
        _hostOutputs = (float*)AllocateHost((long)batchCapacity * network.OutputSize * sizeof(float));
        foreach (var launch in program.AllLaunches)
        {
            Check.Cuda(CudaDriverNative.cuModuleGetFunction(out var function, _module, launch.Kernel), "cuModuleGetFunction(" + launch.Kernel + ")");
            _launches[launch] = new PreparedLaunch(function, launch.Arguments.Count, "cuLaunchKernel(" + launch.Kernel + ")");
        }

        UploadParameters();
        ResetOptimizerState();
    }

    /// <summary>Training steps taken, counted on from the network's <see cref="INetwork.TrainingSteps"/> (written back by <see cref="DownloadParameters"/>).</summary>
    public long TrainingSteps => _trainingSteps;

    /// <summary>The device the session runs on.</summary>
    public CudaDeviceInfo Device { get; }

    /// <summary>The compiled program (its architecture, and whether it came from the disk cache).</summary>
    public CompiledCudaProgram Compiled { get; }

    /// <summary>The largest batch the buffers hold.</summary>
    public int BatchCapacity { get; }

    /// <summary>The outputs of the last finished step (logits for softmax cross-entropy), batch × OutputSize.</summary>
    public ReadOnlySpan<float> LastOutputs => new(_hostOutputs, _launchedCount * _network.OutputSize);

    /// <summary>
    /// After <see cref="Finish"/> of a <see cref="LaunchTrainingStep"/>: <see cref="CudaNonFinite.AllFinite"/> when the step
    /// was taken, else what was NaN or ±∞ (<see cref="CudaNonFinite.Loss"/>, or the index of the first such gradient) and
    /// the update kernels left the parameters and the optimizer state as they were; <see cref="UndoTrainingStep"/> then
    /// puts the layer state back. <see cref="CudaNonFinite.AllFinite"/> after any other launch.
    /// </summary>
    public int LastFirstNonFinite => *_hostFirstNonFinite;

    /// <summary>The targets of the last launched step, from its pinned staging slot (valid until that slot is staged again).</summary>
    public ReadOnlySpan<float> LastTargets => _launchedSlot is null ? default : _launchedSlot.Targets;

    /// <summary>Opens a session for <paramref name="network"/> on <paramref name="device"/>: compiles (or loads from the cache), allocates, uploads the parameters.</summary>
    /// <exception cref="ArgumentException">The network has no CUDA program (it was not generated by NetGen).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The capacity exceeds the program's <see cref="CudaProgram.MaxBatchSize"/>.</exception>
    public static CudaSession Open(INetwork network, CudaDeviceInfo device, int batchCapacity, KernelCache? cache = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(device);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchCapacity);
        var program = ProgramOf(network);
        program.CheckBatchSize(batchCapacity);
        return new CudaSession(network, program, device, batchCapacity, cache);
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
    /// Copies <paramref name="parameters"/> and <paramref name="state"/> (laid out as the network's) to the device once the
    /// launched work is done, leaving the network and the training-step count as they are.
    /// </summary>
    /// <exception cref="ArgumentException">A span's length differs from the network's.</exception>
    public void UploadParametersAndState(ReadOnlySpan<float> parameters, ReadOnlySpan<float> state)
    {
        CheckLengths(parameters.Length, state.Length);
        Synchronize();
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
        CheckLengths(parameters.Length, state.Length);
        Synchronize();
        Download(CudaBufferNames.Parameters, parameters);
        Download(CudaBufferNames.State, state);
    }

    /// <summary>Zeroes the optimizer state on the device (as a new optimizer's) and the norm kernel's block count, and sets the clipping scale to 1.</summary>
    public void ResetOptimizerState()
    {
        Synchronize();
        foreach (var name in new[] { CudaBufferNames.FirstOptimizerState, CudaBufferNames.SecondOptimizerState })
        {
            Check.Cuda(CudaDriverNative.cuMemsetD32_v2(_buffers[name], 0, (nuint)_program.Buffer(name).Elements(BatchCapacity)), "cuMemsetD32_v2");
        }

        Check.Cuda(CudaDriverNative.cuMemsetD32_v2(_buffers[CudaBufferNames.ClipScale], BitConverter.SingleToUInt32Bits(1f), 1), "cuMemsetD32_v2");
        Check.Cuda(CudaDriverNative.cuMemsetD32_v2(_buffers[CudaBufferNames.NormBlocksDone], 0, 1), "cuMemsetD32_v2");
        Check.Cuda(CudaDriverNative.cuMemsetD32_v2(_buffers[CudaBufferNames.FirstNonFinite], unchecked((uint)CudaNonFinite.AllFinite), 1), "cuMemsetD32_v2");
    }

    /// <summary>Copies a batch into the next pinned slot and starts its transfer to the device on the copy stream.</summary>
    public void Stage(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets)
    {
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

    /// <summary>
    /// Enqueues forward, loss, backward and <paramref name="optimizer"/>'s step for the staged batch. The update kernels
    /// leave out a step whose loss or gradients are not finite (<see cref="LastFirstNonFinite"/>); the layer state is
    /// kept on the device as it was before the step, for <see cref="UndoTrainingStep"/>.
    /// </summary>
    public void LaunchTrainingStep(Optimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        var rule = CudaOptimizerBinding.Rule(optimizer);
        var slot = BeginLaunch(training: true);
        CopyState(_stateBeforeStep, _buffers[CudaBufferNames.State]);
        Run(_program.Forward, slot);
        Run(_program.Loss, slot);
        Run(_program.Backward, slot);
        optimizer.CountStep();
        CudaOptimizerBinding.Bind(optimizer, _floats);
        Run(_program.ClipNorm, slot); // Also without norm clipping (max_norm = ∞ gives a scale of 1), so the scale is set in stream order.
        Launch(_program.OptimizerSteps[rule], slot);
        EndLaunch(slot, withLoss: true);
        Check.Cuda(CudaDriverNative.cuMemcpyDtoHAsync_v2(_hostFirstNonFinite, _buffers[CudaBufferNames.FirstNonFinite], sizeof(int), _computeStream), "cuMemcpyDtoHAsync_v2");
    }

    /// <summary>
    /// After <see cref="Finish"/> of a training step the update kernels left out (<see cref="LastFirstNonFinite"/>): puts
    /// back the layer state (batch normalisation's running statistics, which the forward pass had updated) and uncounts the
    /// step, so that the device holds what it held before it. <paramref name="optimizer"/> uncounts it too.
    /// </summary>
    public void UndoTrainingStep(Optimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        CopyState(_buffers[CudaBufferNames.State], _stateBeforeStep);
        Synchronize();
        _trainingSteps--;
        optimizer.UncountStep();
    }

    /// <summary>One element of the device's gradient buffer (laid out like the parameters), once the launched work is done.</summary>
    public float ReadGradient(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _network.ParameterCount);
        Synchronize();
        float value;
        Check.Cuda(CudaDriverNative.cuMemcpyDtoH_v2(&value, _buffers[CudaBufferNames.Gradients] + ((ulong)index * sizeof(float)), sizeof(float)), "cuMemcpyDtoH_v2");
        return value;
    }

    /// <summary>Enqueues forward, loss and backward for the staged batch, without a step; <see cref="CopyGradientsTo"/> then reads the gradients.</summary>
    public void LaunchGradients()
    {
        var slot = BeginLaunch(training: true);
        Run(_program.Forward, slot);
        Run(_program.Loss, slot);
        Run(_program.Backward, slot);
        EndLaunch(slot, withLoss: true);
    }

    /// <summary>Copies the device's gradient buffer (laid out like the parameters) to <paramref name="gradients"/>.</summary>
    public void CopyGradientsTo(Span<float> gradients)
    {
        if (gradients.Length != _network.ParameterCount)
        {
            throw new ArgumentException($"{_network.Name} has {Plural.Of(_network.ParameterCount, "parameter")} but the span holds {gradients.Length}.", nameof(gradients));
        }

        Synchronize();
        fixed (float* destination = gradients)
        {
            Check.Cuda(CudaDriverNative.cuMemcpyDtoH_v2(destination, _buffers[CudaBufferNames.Gradients], (nuint)(gradients.Length * sizeof(float))), "cuMemcpyDtoH_v2");
        }
    }

    /// <summary>Enqueues forward and loss for the staged batch (no gradients, no step).</summary>
    public void LaunchEvaluation()
    {
        var slot = BeginLaunch(training: false);
        Run(_program.Forward, slot);
        Run(_program.Loss, slot);
        EndLaunch(slot, withLoss: true);
    }

    /// <summary>Enqueues the forward pass only, for predictions.</summary>
    public void LaunchForward()
    {
        var slot = BeginLaunch(training: false);
        Run(_program.Forward, slot);
        EndLaunch(slot, withLoss: false);
    }

    /// <summary>Waits for the launched step and returns its loss (NaN after <see cref="LaunchForward"/>); <see cref="LastOutputs"/> then holds its outputs.</summary>
    public float Finish()
    {
        Synchronize();
        return *_hostLoss;
    }

    /// <summary>Forward on the device for a batch of samples; the outputs (logits for softmax cross-entropy) are copied to <paramref name="outputs"/>.</summary>
    public void Forward(ReadOnlySpan<float> inputs, Span<float> outputs)
    {
        var count = inputs.Length / _network.InputSize;
        Stage(inputs, new float[count * _network.OutputSize]);
        LaunchForward();
        Finish();
        LastOutputs.CopyTo(outputs);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _context.MakeCurrent();
        CudaDriverNative.cuCtxSynchronize();
        foreach (var slot in _slots)
        {
            slot?.Dispose();
        }

        foreach (var pointer in _buffers.Values)
        {
            CudaDriverNative.cuMemFree_v2(pointer);
        }

        foreach (var launch in _launches.Values)
        {
            launch.Dispose();
        }

        CudaDriverNative.cuMemFreeHost(_hostLoss);
        CudaDriverNative.cuMemFreeHost(_hostFirstNonFinite);
        CudaDriverNative.cuMemFree_v2(_stateBeforeStep);
        CudaDriverNative.cuMemFreeHost(_hostOutputs);
        CudaDriverNative.cuStreamDestroy_v2(_computeStream);
        CudaDriverNative.cuStreamDestroy_v2(_copyStream);
        CudaDriverNative.cuModuleUnload(_module);
        _context.Dispose();
    }

    /// <summary>Takes the staged slot for a launch in training mode (counting a training step) or inference mode.</summary>
    private StagingSlot BeginLaunch(bool training)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_stagedSlot < 0)
        {
            throw new InvalidOperationException($"{_network.Name}: stage a batch before launching a step.");
        }

        var slot = _slots[_stagedSlot];
        _stagedSlot = -1;
        _training = training;
        if (training)
        {
            _trainingSteps++;
        }

        Check.Cuda(CudaDriverNative.cuStreamWaitEvent(_computeStream, slot.Copied, 0), "cuStreamWaitEvent");
        return slot;
    }

    private void EndLaunch(StagingSlot slot, bool withLoss)
    {
        Check.Cuda(CudaDriverNative.cuEventRecord(slot.Free, _computeStream), "cuEventRecord");
        *_hostLoss = float.NaN;
        *_hostFirstNonFinite = CudaNonFinite.AllFinite;
        if (withLoss)
        {
            Check.Cuda(CudaDriverNative.cuMemcpyDtoHAsync_v2(_hostLoss, _buffers[CudaBufferNames.Loss], sizeof(float), _computeStream), "cuMemcpyDtoHAsync_v2");
        }

        Check.Cuda(CudaDriverNative.cuMemcpyDtoHAsync_v2(
            _hostOutputs, _buffers[_program.OutputBuffer], (nuint)(slot.Count * _network.OutputSize * sizeof(float)), _computeStream), "cuMemcpyDtoHAsync_v2");
        _launchedCount = slot.Count;
        _launchedSlot = slot;
    }

    private void Run(IReadOnlyList<CudaLaunch> launches, StagingSlot slot)
    {
        for (var index = 0; index < launches.Count; index++) // not foreach: an interface enumerator would allocate every step
        {
            if (launches[index].RunsFor(slot.Count))
            {
                Launch(launches[index], slot);
            }
        }
    }

    private void Launch(CudaLaunch launch, StagingSlot slot)
    {
        var prepared = _launches[launch];
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
                        _ => _buffers[argument.Name],
                    });
                    break;
                default:
                    throw new NotSupportedException($"{_network.Name}: {launch.Kernel} takes an argument of kind {argument.Kind}, which this runtime cannot bind.");
            }
        }

        var (x, y, z) = launch.Grid(slot.Count);
        Check.Cuda(CudaDriverNative.cuLaunchKernel(
            prepared.Function, (uint)x, (uint)y, (uint)z, (uint)launch.BlockThreads, 1, 1, 0, _computeStream, prepared.Arguments, null), prepared.CallName);
    }

    private void CopyState(ulong destination, ulong source)
    {
        if (_network.State.Length > 0)
        {
            Check.Cuda(CudaDriverNative.cuMemcpyDtoDAsync_v2(destination, source, (nuint)((long)_network.State.Length * sizeof(float)), _computeStream), "cuMemcpyDtoDAsync_v2");
        }
    }

    private void Upload(ReadOnlySpan<float> values, string buffer)
    {
        if (values.IsEmpty)
        {
            return;
        }

        fixed (float* source = values)
        {
            Check.Cuda(CudaDriverNative.cuMemcpyHtoD_v2(_buffers[buffer], source, (nuint)((long)values.Length * sizeof(float))), "cuMemcpyHtoD_v2(" + buffer + ")");
        }
    }

    private void Download(string buffer, Span<float> values)
    {
        if (values.IsEmpty)
        {
            return;
        }

        fixed (float* destination = values)
        {
            Check.Cuda(CudaDriverNative.cuMemcpyDtoH_v2(destination, _buffers[buffer], (nuint)((long)values.Length * sizeof(float))), "cuMemcpyDtoH_v2(" + buffer + ")");
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

    private void Synchronize() => Check.Cuda(CudaDriverNative.cuStreamSynchronize(_computeStream), "cuStreamSynchronize");

    private static ulong Allocate(long bytes, string what)
    {
        var result = CudaDriverNative.cuMemAlloc_v2(out var pointer, (nuint)Math.Max(bytes, 4));
        if (result != CudaResult.Success)
        {
            throw new CudaException("cuMemAlloc_v2(" + what + ", " + bytes + " bytes)", result);
        }

        return pointer;
    }

    private static void* AllocateHost(long bytes)
    {
        Check.Cuda(CudaDriverNative.cuMemAllocHost_v2(out var pointer, (nuint)Math.Max(bytes, 4)), "cuMemAllocHost_v2");
        return pointer;
    }

    /// <summary>A launch's argument block, allocated once: one 8-byte cell per argument and the array of pointers to them.</summary>
    private sealed class PreparedLaunch : IDisposable
    {
        private readonly byte* _values;

        public PreparedLaunch(nint function, int count, string callName)
        {
            Function = function;
            CallName = callName;
            _values = (byte*)NativeMemory.AllocZeroed((nuint)Math.Max(count, 1) * 8);
            Arguments = (void**)NativeMemory.AllocZeroed((nuint)Math.Max(count, 1) * (nuint)sizeof(void*));
            for (var index = 0; index < count; index++)
            {
                Arguments[index] = _values + (index * 8);
            }
        }

        public nint Function { get; }

        /// <summary>The call as error messages name it, built once so that launching allocates nothing.</summary>
        public string CallName { get; }

        public void** Arguments { get; }

        public void SetInt(int index, int value) => *(int*)(_values + (index * 8)) = value;

        public void SetFloat(int index, float value) => *(float*)(_values + (index * 8)) = value;

        public void SetLong(int index, long value) => *(long*)(_values + (index * 8)) = value;

        public void SetPointer(int index, ulong value) => *(ulong*)(_values + (index * 8)) = value;

        public void Dispose()
        {
            NativeMemory.Free(_values);
            NativeMemory.Free(Arguments);
        }
    }

    /// <summary>Pinned host memory and device memory for one batch of inputs and targets, with the events that order their reuse.</summary>
    private sealed class StagingSlot : IDisposable
    {
        private readonly int _inputSize;
        private readonly int _targetSize;
        private readonly float* _hostInputs;
        private readonly float* _hostTargets;
        private bool _used;

        public StagingSlot(int inputSize, int targetSize, int capacity)
        {
            _inputSize = inputSize;
            _targetSize = targetSize;
            _hostInputs = (float*)AllocateHost((long)capacity * inputSize * sizeof(float));
            _hostTargets = (float*)AllocateHost((long)capacity * targetSize * sizeof(float));
            DeviceInputs = Allocate((long)capacity * inputSize * sizeof(float), CudaBufferNames.Inputs);
            DeviceTargets = Allocate((long)capacity * targetSize * sizeof(float), CudaBufferNames.Targets);
            Check.Cuda(CudaDriverNative.cuEventCreate(out var copied, CudaEventFlags.DisableTiming), "cuEventCreate");
            Check.Cuda(CudaDriverNative.cuEventCreate(out var free, CudaEventFlags.DisableTiming), "cuEventCreate");
            Copied = copied;
            Free = free;
        }

        public ulong DeviceInputs { get; }

        public ulong DeviceTargets { get; }

        /// <summary>Recorded on the copy stream when the batch is on the device.</summary>
        public nint Copied { get; }

        /// <summary>Recorded on the compute stream when the step that read the slot is done with it.</summary>
        public nint Free { get; }

        public int Count { get; private set; }

        public ReadOnlySpan<float> Targets => new(_hostTargets, Count * _targetSize);

        /// <summary>Blocks until the last step that used this slot no longer needs it.</summary>
        public void WaitUntilFree()
        {
            if (_used)
            {
                Check.Cuda(CudaDriverNative.cuEventSynchronize(Free), "cuEventSynchronize");
            }
        }

        public void Fill(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, int count, nint copyStream)
        {
            inputs.CopyTo(new Span<float>(_hostInputs, count * _inputSize));
            targets.CopyTo(new Span<float>(_hostTargets, count * _targetSize));
            Check.Cuda(CudaDriverNative.cuMemcpyHtoDAsync_v2(DeviceInputs, _hostInputs, (nuint)(inputs.Length * sizeof(float)), copyStream), "cuMemcpyHtoDAsync_v2");
            Check.Cuda(CudaDriverNative.cuMemcpyHtoDAsync_v2(DeviceTargets, _hostTargets, (nuint)(targets.Length * sizeof(float)), copyStream), "cuMemcpyHtoDAsync_v2");
            Check.Cuda(CudaDriverNative.cuEventRecord(Copied, copyStream), "cuEventRecord");
            Count = count;
            _used = true;
        }

        public void Dispose()
        {
            CudaDriverNative.cuMemFreeHost(_hostInputs);
            CudaDriverNative.cuMemFreeHost(_hostTargets);
            CudaDriverNative.cuMemFree_v2(DeviceInputs);
            CudaDriverNative.cuMemFree_v2(DeviceTargets);
            CudaDriverNative.cuEventDestroy_v2(Copied);
            CudaDriverNative.cuEventDestroy_v2(Free);
        }
    }
}
