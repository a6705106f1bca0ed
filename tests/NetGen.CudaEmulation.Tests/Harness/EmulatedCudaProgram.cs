using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Cuda;
using NetGen.Optimizers;

namespace NetGen.CudaEmulation.Tests.Harness;

/// <summary>
/// A network's <see cref="CudaProgram"/> run on the CPU for one batch size, the way the CUDA backend runs it on a GPU:
/// its buffers sized by <see cref="CudaBuffer.Elements"/>, its passes launched from the launch metadata (grids from
/// the batch size, arguments bound by kind), its kernels compiled from <see cref="CudaProgram.Source"/> with g++ and
/// the shim header.
/// </summary>
/// <remarks>
/// Before each pass, the buffers whose first write in the sequence Forward → Loss → Backward → ClipNorm → step happens
/// in that pass are poisoned (NaN with payload <see cref="PoisonBits"/>, <see cref="IntPoison"/> for int buffers), and
/// after it every element of them (but the over-allocated split-k partials) must have been written, or the pass throws.
/// Host buffers (inputs, targets, parameters, optimizer state) are the test's to fill. Every launch gets its own seed
/// for the block order and thread start order, derived from the seed given here.
/// </remarks>
internal sealed unsafe class EmulatedCudaProgram : IDisposable
{
    /// <summary>The bits of the NaN unwritten float elements hold.</summary>
    public const uint PoisonBits = 0x7FC0BADDu;

    /// <summary>The bits of the NaN unwritten double elements hold.</summary>
    public const ulong DoublePoisonBits = 0x7FF80BADDBADDBADul;

    /// <summary>What unwritten int elements hold.</summary>
    public const int IntPoison = int.MinValue;

    private static readonly string[] s_hostBuffers =
    {
        CudaBufferNames.Inputs, CudaBufferNames.Targets, CudaBufferNames.Parameters, CudaBufferNames.State, CudaBufferNames.FirstOptimizerState,
        CudaBufferNames.SecondOptimizerState, CudaBufferNames.NormBlocksDone,
    };

    private readonly Dictionary<string, (long Offset, long Elements, CudaBuffer Buffer)> _layout = new(StringComparer.Ordinal);
    private readonly Dictionary<Pass, string[]> _firstWritten = new();
    private readonly IEmulatedDevice _device;
    private readonly uint _seed;
    private int _launches;

    public EmulatedCudaProgram(CudaProgram program, int batchSize, int seed, EmulationMode? mode = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        program.CheckBatchSize(batchSize);
        Program = program;
        BatchSize = batchSize;
        _seed = (uint)seed;
        Library = EmulatedLibrary.For(program.NetworkName, program.Source, mode ?? EmulatedLibrary.DefaultMode);
        foreach (var launch in program.AllLaunches)
        {
            Signature(launch).CheckAgainst(program, launch);
        }

        long bytes = 0;
        foreach (var buffer in program.Buffers)
        {
            var elements = buffer.Elements(batchSize);
            _layout[buffer.Name] = (bytes, elements, buffer);
            bytes += (buffer.Bytes(batchSize) + 255) / 256 * 256;
        }

        _device = Library.OpenDevice(bytes);
        foreach (var buffer in program.Buffers)
        {
            Poison(buffer.Name);
        }

        Floats(CudaBufferNames.FirstOptimizerState).Clear();
        Floats(CudaBufferNames.SecondOptimizerState).Clear();
        Floats(CudaBufferNames.State).Clear();
        Ints(CudaBufferNames.NormBlocksDone).Clear(); // as the CUDA backend zeroes it with the optimizer state
        var earlier = new HashSet<string>(s_hostBuffers, StringComparer.Ordinal);
        foreach (var pass in Enum.GetValues<Pass>())
        {
            var written = Launches(pass).SelectMany(WrittenBuffers).Distinct(StringComparer.Ordinal).ToArray();
            _firstWritten[pass] = written.Where(name => !earlier.Contains(name)).ToArray();
            earlier.UnionWith(written);
        }
    }

    /// <summary>Which launch of a tiled product a pass makes (see <see cref="CudaLaunch.SmallTiles"/>).</summary>
    public enum TileChoice
    {
        /// <summary>The launch itself, over 64 × 64 output tiles.</summary>
        Large,

        /// <summary>Its small-tile launch wherever it has one, whatever the grid.</summary>
        Small,

        /// <summary>As the CUDA backend chooses on a device of <see cref="Multiprocessors"/> multiprocessors (<see cref="CudaLaunch.For"/>).</summary>
        ByDevice,
    }

    /// <summary>The passes of a training step, in order.</summary>
    public enum Pass
    {
        Forward,
        Loss,
        Backward,
        ClipNorm,
        Step,
    }

    public CudaProgram Program { get; }

    public int BatchSize { get; }

    /// <summary>The mode the passes run in: a training step (the default) or inference.</summary>
    public bool Training { get; set; } = true;

    /// <summary>The network's seed and the training step, as the CUDA backend binds them from the network.</summary>
    public int RandomSeed { get; set; }

    public long TrainingStep { get; set; }

    public EmulatedLibrary Library { get; }

    /// <summary>Which launch of each tiled product the passes make; <see cref="TileChoice.Large"/> unless a test says otherwise.</summary>
    public TileChoice Tiles { get; set; } = TileChoice.Large;

    /// <summary>The multiprocessors of the device <see cref="TileChoice.ByDevice"/> chooses for (132, an H100's, unless set).</summary>
    public int Multiprocessors { get; set; } = 132;

    /// <summary>Launches run so far.</summary>
    public int LaunchCount => _launches;

    /// <summary>The kernels launched so far, once each.</summary>
    public HashSet<string> LaunchedKernels { get; } = new(StringComparer.Ordinal);

    /// <summary>The buffers a pass poisons before it runs and checks are fully written after it.</summary>
    public IReadOnlyList<string> FirstWritten(Pass pass) => _firstWritten[pass];

    public Span<float> Floats(string name) => new(Address(name, CudaElementType.Float32, out var elements), checked((int)elements));

    public Span<int> Ints(string name) => new(Address(name, CudaElementType.Int32, out var elements), checked((int)elements));

    public Span<double> Doubles(string name) => new(Address(name, CudaElementType.Float64, out var elements), checked((int)elements));

    /// <summary>Copies <paramref name="values"/> into the float buffer <paramref name="name"/>, which it must fill exactly.</summary>
    public void Upload(string name, ReadOnlySpan<float> values)
    {
        var target = Floats(name);
        if (values.Length != target.Length)
        {
            throw new ArgumentException($"{Program.NetworkName}: buffer '{name}' holds {target.Length} floats at batch {BatchSize}, not {values.Length}.");
        }

        values.CopyTo(target);
    }

    public void RunForward() => Run(Pass.Forward, null);

    public void RunLoss() => Run(Pass.Loss, null);

    public void RunBackward() => Run(Pass.Backward, null);

    /// <summary>
    /// One optimizer step over the device's gradients, bound as the CUDA backend binds it (NetGen.Cuda.CudaOptimizerBinding):
    /// the ClipNorm pass (max_norm = ∞ when norm clipping is off, which gives a scale of 1), then the rule's update
    /// kernel. <paramref name="optimizer"/> must already count the step, as after its own <c>Step</c>. The step is left
    /// out (the update kernel changes nothing) when the loss buffer or a gradient holds NaN or ±∞, as
    /// <see cref="CudaBufferNames.FirstNonFinite"/> then says.
    /// </summary>
    public string RunOptimizerStep(Optimizer optimizer)
    {
        var rule = CudaOptimizerBinding.Rule(optimizer);
        var floats = new Dictionary<string, float>(StringComparer.Ordinal);
        CudaOptimizerBinding.Bind(optimizer, floats);
        Run(Pass.ClipNorm, floats);
        RunLaunches(Pass.Step, new[] { Program.OptimizerSteps[rule] }, floats);
        return rule;
    }

    /// <summary>Runs one launch of the program's metadata, binding buffers, the batch size and <paramref name="floats"/>.</summary>
    public void Launch(CudaLaunch launch, IReadOnlyDictionary<string, float>? floats = null)
    {
        var arguments = new DeviceArgument[launch.Arguments.Count];
        for (var index = 0; index < arguments.Length; index++)
        {
            var argument = launch.Arguments[index];
            arguments[index] = argument.Kind switch
            {
                CudaArgumentKind.Buffer => DeviceArgument.Buffer(_layout[argument.Name].Offset),
                CudaArgumentKind.BatchSize => DeviceArgument.Int(BatchSize),
                CudaArgumentKind.Float => DeviceArgument.Float(floats is not null && floats.TryGetValue(argument.Name, out var value)
                    ? value
                    : throw new ArgumentException($"{Program.NetworkName}: {launch.Kernel} needs the float '{argument.Name}', which the host did not supply.")),
                CudaArgumentKind.Training => DeviceArgument.Int(Training ? 1 : 0),
                CudaArgumentKind.RandomSeed => DeviceArgument.Word((uint)RandomSeed),
                CudaArgumentKind.TrainingStep => DeviceArgument.Word((ulong)TrainingStep),
                _ => throw new ArgumentOutOfRangeException(nameof(launch), argument.Kind, "Unknown argument kind."),
            };
        }

        var seed = unchecked(_seed * 0x9E3779B1u + (uint)_launches * 0x85EBCA77u + 0x165667B1u);
        var grid = launch.Grid(BatchSize);
        LaunchLimits.Check(Program.NetworkName, launch, BatchSize);
        _device.Launch(launch.Kernel, grid, launch.BlockThreads, arguments, seed);
        _launches++;
        LaunchedKernels.Add(launch.Kernel);
    }

    /// <summary>Stops the device; under ThreadSanitizer, throws with its reports if it made any.</summary>
    public void Finish()
    {
        var report = _device.Finish();
        if (report.Length > 0)
        {
            throw new InvalidOperationException($"{Program.NetworkName} at batch {BatchSize}: ThreadSanitizer reported:\n{report}");
        }
    }

    public void Dispose() => _device.Dispose();

    private IReadOnlyList<CudaLaunch> Launches(Pass pass) => pass switch
    {
        Pass.Forward => Program.Forward,
        Pass.Loss => Program.Loss,
        Pass.Backward => Program.Backward,
        Pass.ClipNorm => Program.ClipNorm,
        _ => Program.OptimizerSteps.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => pair.Value).ToArray(),
    };

    private KernelSignature Signature(CudaLaunch launch) =>
        Library.Kernels.TryGetValue(launch.Kernel, out var signature)
            ? signature
            : throw new InvalidOperationException($"{Program.NetworkName}: the launch metadata names kernel '{launch.Kernel}', which the source does not define.");

    private IEnumerable<string> WrittenBuffers(CudaLaunch launch)
    {
        var signature = Signature(launch);
        for (var index = 0; index < launch.Arguments.Count; index++)
        {
            if (launch.Arguments[index].Kind == CudaArgumentKind.Buffer && signature.Parameters[index].IsWritten)
            {
                yield return launch.Arguments[index].Name;
            }
        }
    }

    private void Run(Pass pass, IReadOnlyDictionary<string, float>? floats) => RunLaunches(pass, Launches(pass), floats);

    private void RunLaunches(Pass pass, IReadOnlyList<CudaLaunch> launches, IReadOnlyDictionary<string, float>? floats)
    {
        foreach (var name in _firstWritten[pass])
        {
            Poison(name);
            if (name == CudaBufferNames.FirstNonFinite)
            {
                // The flag is sticky: the kernel writes it only while it says all finite, as the session clears it.
                Ints(name)[0] = CudaNonFinite.AllFinite;
            }
        }

        foreach (var launch in launches.Where(launch => launch.RunsFor(BatchSize)))
        {
            Launch(Choose(launch), floats);
        }

        foreach (var name in _firstWritten[pass])
        {
            if (!name.StartsWith("weight_gradient_partials_", StringComparison.Ordinal))
            {
                CheckWritten(pass, name);
            }
        }
    }

    private CudaLaunch Choose(CudaLaunch launch) => Tiles switch
    {
        TileChoice.Small => launch.SmallTiles ?? launch,
        TileChoice.ByDevice => launch.For(BatchSize, Multiprocessors),
        _ => launch,
    };

    private void Poison(string name)
    {
        switch (_layout[name].Buffer.ElementType)
        {
            case CudaElementType.Int32:
                Ints(name).Fill(IntPoison);
                break;
            case CudaElementType.Float64:
                Doubles(name).Fill(BitConverter.UInt64BitsToDouble(DoublePoisonBits));
                break;
            default:
                Floats(name).Fill(BitConverter.UInt32BitsToSingle(PoisonBits));
                break;
        }
    }

    private void CheckWritten(Pass pass, string name)
    {
        int unwritten = 0, first = -1, length;
        switch (_layout[name].Buffer.ElementType)
        {
            case CudaElementType.Int32:
            {
                var values = Ints(name);
                length = values.Length;
                for (var i = 0; i < values.Length; i++)
                {
                    if (values[i] == IntPoison)
                    {
                        unwritten++;
                        first = first < 0 ? i : first;
                    }
                }

                break;
            }

            case CudaElementType.Float64:
            {
                var values = Doubles(name);
                length = values.Length;
                for (var i = 0; i < values.Length; i++)
                {
                    if (BitConverter.DoubleToUInt64Bits(values[i]) == DoublePoisonBits)
                    {
                        unwritten++;
                        first = first < 0 ? i : first;
                    }
                }

                break;
            }

            default:
            {
                var values = Floats(name);
                length = values.Length;
                for (var i = 0; i < values.Length; i++)
                {
                    if (BitConverter.SingleToUInt32Bits(values[i]) == PoisonBits)
                    {
                        unwritten++;
                        first = first < 0 ? i : first;
                    }
                }

                break;
            }
        }

        if (unwritten > 0)
        {
            throw new InvalidOperationException(
                $"{Program.NetworkName} at batch {BatchSize}: after the {pass} pass, {unwritten} of {length} elements of '{name}' were never written " +
                $"(the first at index {first}).");
        }
    }

    private void* Address(string name, CudaElementType type, out long elements)
    {
        if (!_layout.TryGetValue(name, out var entry))
        {
            throw new ArgumentException($"{Program.NetworkName}'s CUDA program has no buffer named '{name}'.", nameof(name));
        }

        if (entry.Buffer.ElementType != type)
        {
            throw new ArgumentException($"{Program.NetworkName}: buffer '{name}' holds {entry.Buffer.ElementType}, not {type}.", nameof(name));
        }

        elements = entry.Elements;
        return _device.Memory + entry.Offset;
    }
}
