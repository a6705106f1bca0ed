using System.Collections.Generic;
using System.Text;

namespace NetGen.Generator.Emit.Cuda;

/// <summary>Writes the problem structs the prelude's <c>ng_gemm_tile</c> multiplies: lhs(m, k), rhs(k, n) and the epilogue store(m, n, value).</summary>
internal static class CudaProducts
{
    /// <summary>Rows and columns of one block's output tile (NG_TILE in the prelude).</summary>
    public const int Tile = 64;

    /// <summary>Rows of the reduction dimension a split of a weight gradient covers at most, so that small layers still fill the GPU.</summary>
    public const int RowsPerSplit = 1024;

    public static string Problem(string name, IEnumerable<string> members, string lhs, string rhs, bool rhsContiguousInK, IEnumerable<string> store)
    {
        var text = new StringBuilder();
        text.Append("struct ").Append(name).Append("\n{\n");
        foreach (var member in members)
        {
            text.Append("    ").Append(member).Append('\n');
        }

        text.Append("    static constexpr bool rhs_contiguous_in_k = ").Append(rhsContiguousInK ? "true" : "false").Append(";\n\n");
        Method(text, "float lhs(int m, int k) const", lhs.Split('\n'));
        Method(text, "float rhs(int k, int n) const", rhs.Split('\n'));
        Method(text, "void store(int m, int n, float value) const", store);
        text.Length--; // the blank line after the last method
        text.Append("};\n");
        return text.ToString();
    }

    /// <summary>Samples per split of a weight gradient whose reduction runs over samples × <paramref name="rowsPerSample"/>.</summary>
    public static int SamplesPerSplit(int rowsPerSample) => System.Math.Max(1, RowsPerSplit / rowsPerSample);

    /// <summary>im2col(x) at reduction row <paramref name="row"/> (sample × position) and column <paramref name="column"/> (channel × window cell), as a C return statement.</summary>
    public static string Im2Col(CudaLayer layer, string row, string column)
    {
        var plan = layer.Plan;
        int channels = plan.InputShape[0], height = plan.InputShape[1], width = plan.InputShape[2];
        var window = plan.Window;
        var outputWidth = plan.OutputShape[2];
        var positions = layer.Positions;
        return
            "const int image = " + row + " / " + C.Int(positions) + ", position = " + row + " % " + C.Int(positions) + ";\n" +
            "const int c = " + column + " / " + C.Int(window * window) + ", r = " + column + " % " + C.Int(window * window) + ";\n" +
            "const int y = (position / " + C.Int(outputWidth) + ") * " + C.Int(plan.Stride) + " - " + C.Int(plan.Padding) + " + r / " + C.Int(window) + ";\n" +
            "const int x = (position % " + C.Int(outputWidth) + ") * " + C.Int(plan.Stride) + " - " + C.Int(plan.Padding) + " + r % " + C.Int(window) + ";\n" +
            "return y >= 0 && y < " + C.Int(height) + " && x >= 0 && x < " + C.Int(width) + " ? in[((image * " + C.Int(channels) + " + c) * " +
            C.Int(height) + " + y) * " + C.Int(width) + " + x] : 0.0f;";
    }

    private static void Method(StringBuilder text, string signature, IEnumerable<string> lines)
    {
        text.Append("    __device__ ").Append(signature).Append("\n    {\n");
        foreach (var line in lines)
        {
            text.Append(line.Length == 0 ? string.Empty : "        ").Append(line).Append('\n');
        }

        text.Append("    }\n\n");
    }
}

/// <summary>Buffer names every program has (mirrors NetGen.Cuda.CudaBufferNames).</summary>
internal static class CudaNames
{
    public const string Inputs = "inputs";
    public const string Targets = "targets";
    public const string Parameters = "parameters";
    public const string Gradients = "gradients";
    public const string FirstOptimizerState = "optimizer_state_0";
    public const string SecondOptimizerState = "optimizer_state_1";
    public const string NormPartials = "norm_partials";
    public const string ClipScale = "clip_scale";
    public const string Loss = "loss";
}

/// <summary>Index arithmetic the pooling kernels share.</summary>
internal static class CudaPooling
{
    /// <summary>
    /// C that derives, from a thread per element of <paramref name="layer"/>'s output, the output index o, its plane,
    /// and the window's rows [top, bottom) and columns [left, right) clipped to the input.
    /// </summary>
    public static string OutputIndices(CudaLayer layer)
    {
        var plan = layer.Plan;
        int height = plan.InputShape[1], width = plan.InputShape[2];
        int outputHeight = plan.OutputShape[1], outputWidth = plan.OutputShape[2];
        return
            "const int o = blockIdx.x * NG_THREADS + threadIdx.x;\n" +
            "if (o >= batch * " + C.Int(plan.OutputSize) + ")\n{\n    return;\n}\n\n" +
            "const int plane_start = o / " + C.Int(outputHeight * outputWidth) + " * " + C.Int(height * width) + ";\n" +
            "const float* plane = " + layer.Source + " + plane_start;\n" +
            "const int row = o % " + C.Int(outputHeight * outputWidth) + " / " + C.Int(outputWidth) + " * " + C.Int(plan.Stride) + " - " + C.Int(plan.Padding) + ";\n" +
            "const int column = o % " + C.Int(outputWidth) + " * " + C.Int(plan.Stride) + " - " + C.Int(plan.Padding) + ";\n" +
            "const int top = max(row, 0), bottom = min(row + " + C.Int(plan.Window) + ", " + C.Int(height) + ");\n" +
            "const int left = max(column, 0), right = min(column + " + C.Int(plan.Window) + ", " + C.Int(width) + ");\n";
    }
}
