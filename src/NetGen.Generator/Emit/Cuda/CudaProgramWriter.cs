using System.Collections.Generic;
using System.Linq;

namespace NetGen.Generator.Emit.Cuda;

/// <summary>Writes a network's CUDA source and launch metadata into its generated C# class.</summary>
internal static class CudaProgramWriter
{
    private const string Cuda = "global::NetGen.Cuda.";

    public static void Write(IndentedWriter writer, CudaProgramSpec program)
    {
        writer.Line("/// <summary>The network's CUDA C translation unit, compiled by NVRTC when the network first runs on a GPU.</summary>");
        var lines = program.Source.Split('\n');
        writer.Line("public const string CudaSource = @\"" + Verbatim(lines[0]));
        for (var index = 1; index < lines.Length; index++)
        {
            writer.RawLine(Verbatim(lines[index]) + (index == lines.Length - 1 ? "\";" : string.Empty));
        }

        writer.Line();
        writer.Line("/// <summary>The CUDA source with its buffers and, pass by pass, its kernel launches.</summary>");
        writer.Line("public static " + Cuda + "CudaProgram CudaProgram => s_cudaProgram;");
        writer.Line();
        writer.Line("private static readonly " + Cuda + "CudaProgram s_cudaProgram = new(");
        writer.Line("    NetworkName,");
        writer.Line("    CudaSource,");
        writer.Line("    new " + Cuda + "CudaBuffer[]");
        writer.Line("    {");
        foreach (var buffer in program.Buffers)
        {
            writer.Line("        new(" + Literals.String(buffer.Name) + ", " + Cuda + "CudaElementType." + ElementType(buffer.ElementType) + ", " +
                        C.Int(buffer.Fixed) + ", " + C.Int(buffer.PerSample) + (buffer.Maximum == long.MaxValue ? string.Empty : ", " + C.Int(buffer.Maximum)) + "),");
        }

        writer.Line("    },");
        Launches(writer, "forward", program.Forward);
        Launches(writer, "loss", program.Loss);
        Launches(writer, "backward", program.Backward);
        Launches(writer, "clipNorm", program.ClipNorm);
        writer.Line("    optimizerSteps: new global::System.Collections.Generic.Dictionary<string, " + Cuda + "CudaLaunch>");
        writer.Line("    {");
        foreach (var (rule, kernel) in program.OptimizerSteps)
        {
            writer.Line("        [" + Literals.String(rule) + "] = " + Launch(kernel) + ",");
        }

        writer.Line("    },");
        writer.Line("    outputBuffer: " + Literals.String(program.OutputBuffer) + ");");
        writer.Line();
    }

    private static void Launches(IndentedWriter writer, string name, IReadOnlyList<CudaKernel> kernels)
    {
        writer.Line("    " + name + ": new " + Cuda + "CudaLaunch[]");
        writer.Line("    {");
        foreach (var kernel in kernels)
        {
            writer.Line("        " + Launch(kernel) + ",");
        }

        writer.Line("    },");
    }

    private static string Launch(CudaKernel kernel) =>
        (kernel.SmallTiles is null ? "new(" : "new " + Cuda + "CudaLaunch(") + Literals.String(kernel.Name) + ", " + Grid(kernel.GridX) + ", " + Grid(kernel.GridY) + ", " + Grid(kernel.GridZ) + ", " +
        C.Int(kernel.BlockThreads) + ", new[] { " + string.Join(", ", kernel.Parameters.Select(Argument)) + " }" +
        (kernel.MinimumBatch == 1 ? string.Empty : ", " + C.Int(kernel.MinimumBatch)) + ")" +
        (kernel.SmallTiles is { } small
            ? ".WithSmallTiles(" + Literals.String(small.Name) + ", " + Grid(small.GridX) + ", " + Grid(small.GridY) + ")"
            : string.Empty);

    private static string Grid(CudaGrid grid) =>
        "new(" + C.Int(grid.Fixed) + ", " + C.Int(grid.PerSample) + ", " + C.Int(grid.Divisor) + (grid.Maximum == int.MaxValue ? string.Empty : ", " + C.Int(grid.Maximum)) + ")";

    private static string Argument(CudaParameter parameter) => parameter.Kind switch
    {
        CudaParameterKind.BatchSize => Cuda + "CudaArgument.BatchSize",
        CudaParameterKind.Float => Cuda + "CudaArgument.Float(" + Literals.String(parameter.Name) + ")",
        CudaParameterKind.Training => Cuda + "CudaArgument.Training",
        CudaParameterKind.RandomSeed => Cuda + "CudaArgument.RandomSeed",
        CudaParameterKind.TrainingStep => Cuda + "CudaArgument.TrainingStep",
        CudaParameterKind.Buffer => Cuda + "CudaArgument.Buffer(" + Literals.String(parameter.Name) + ")",
        _ => throw new System.NotSupportedException("Unknown kernel parameter kind " + parameter.Kind),
    };

    private static string ElementType(string type) => type switch
    {
        "int" => "Int32",
        "double" => "Float64",
        "float" => "Float32",
        _ => throw new System.NotSupportedException("Unknown device element type " + type),
    };

    private static string Verbatim(string line) => line.Replace("\"", "\"\"");
}
