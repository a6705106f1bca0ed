using System.Collections.Generic;
using System.Text;

namespace NetGen.Generator.Emit.Cuda;

/// <summary>How a kernel parameter is bound (mirrors NetGen.Cuda.CudaArgumentKind).</summary>
internal enum CudaParameterKind
{
    Buffer,
    BatchSize,
    Float,
    Training,
    RandomSeed,
    TrainingStep,
}

/// <summary>A kernel parameter. Buffers carry their C element type and whether the kernel writes them.</summary>
internal sealed record CudaParameter(CudaParameterKind Kind, string Name, string ElementType = "float", bool IsWritten = false)
{
    public static CudaParameter Reads(string buffer, string elementType = "float") => new(CudaParameterKind.Buffer, buffer, elementType);

    public static CudaParameter Writes(string buffer, string elementType = "float") => new(CudaParameterKind.Buffer, buffer, elementType, IsWritten: true);

    public static CudaParameter Batch { get; } = new(CudaParameterKind.BatchSize, "batch");

    public static CudaParameter Float(string name) => new(CudaParameterKind.Float, name);

    /// <summary>The mode: 1 in a training step, 0 in inference.</summary>
    public static CudaParameter Training { get; } = new(CudaParameterKind.Training, "training");

    /// <summary>The network's seed and the training step, which key and count the random streams of stochastic layers.</summary>
    public static CudaParameter RandomSeed { get; } = new(CudaParameterKind.RandomSeed, "seed");

    public static CudaParameter TrainingStep { get; } = new(CudaParameterKind.TrainingStep, "step");

    public string Declaration => Kind switch
    {
        CudaParameterKind.BatchSize => "int " + Name,
        CudaParameterKind.Float => "float " + Name,
        CudaParameterKind.Training => "int " + Name,
        CudaParameterKind.RandomSeed => "unsigned int " + Name,
        CudaParameterKind.TrainingStep => "unsigned long long " + Name,
        CudaParameterKind.Buffer => (IsWritten ? string.Empty : "const ") + ElementType + "* __restrict__ " + Name,
        _ => throw new System.NotSupportedException("Unknown kernel parameter kind " + Kind),
    };
}

/// <summary>One grid dimension: ⌈(Fixed + PerSample·batch) / Divisor⌉ blocks, at most Maximum (mirrors NetGen.Cuda.GridDimension).</summary>
internal readonly record struct CudaGrid(long Fixed, long PerSample, long Divisor, long Maximum = int.MaxValue)
{
    public static CudaGrid Constant(long count) => new(count, 0, 1);

    /// <summary>Enough blocks of <paramref name="perBlock"/> for <paramref name="perSample"/> items per sample.</summary>
    public static CudaGrid PerBatch(long perSample, long perBlock) => new(0, perSample, perBlock);

    /// <summary>Enough blocks of <paramref name="perBlock"/> for a fixed <paramref name="count"/>.</summary>
    public static CudaGrid Covering(long count, long perBlock) => Constant((count + perBlock - 1) / perBlock);
}

/// <summary>
/// A generated kernel: its text (any helper struct, then the <c>extern "C"</c> function) and how it is launched, from
/// which batch size up it runs among them. Both come from the same object, so the launch metadata cannot drift from the signature.
/// A tiled product also carries <see cref="SmallTiles"/>, the same product over 16 × 16 output tiles, written right after it
/// and launched instead when the large tiles give a grid of few blocks (NetGen.Cuda.CudaLaunch.For).
/// </summary>
internal sealed record CudaKernel(
    string Name,
    string Comment,
    IReadOnlyList<CudaParameter> Parameters,
    string Body,
    CudaGrid GridX,
    CudaGrid GridY,
    CudaGrid GridZ,
    int BlockThreads = CudaKernel.Threads,
    string Helpers = "",
    int MinimumBatch = 1,
    CudaKernel? SmallTiles = null)
{
    /// <summary>Threads per block of every generated kernel (NG_THREADS in the prelude).</summary>
    public const int Threads = 256;

    public static CudaKernel Elementwise(string name, string comment, IReadOnlyList<CudaParameter> parameters, long perSample, string body) =>
        new(name, comment, parameters, body, CudaGrid.PerBatch(perSample, Threads), CudaGrid.Constant(1), CudaGrid.Constant(1));

    public void WriteSource(StringBuilder source)
    {
        source.Append('\n');
        if (Helpers.Length > 0)
        {
            source.Append(Helpers).Append('\n');
        }

        source.Append("// ").Append(Comment).Append('\n');
        source.Append("extern \"C\" __global__ void __launch_bounds__(").Append(BlockThreads).Append(") ").Append(Name).Append('(');
        for (var index = 0; index < Parameters.Count; index++)
        {
            source.Append(index == 0 ? string.Empty : ", ").Append(Parameters[index].Declaration);
        }

        source.Append(")\n{\n");
        foreach (var line in Body.Split('\n'))
        {
            source.Append(line.Length == 0 ? string.Empty : "    ").Append(line).Append('\n');
        }

        source.Append("}\n");
        SmallTiles?.WriteSource(source);
    }
}
