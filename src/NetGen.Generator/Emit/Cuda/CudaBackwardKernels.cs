using System.Collections.Generic;
using NetGen.Generator.Model;

namespace NetGen.Generator.Emit.Cuda;

/// <summary>
/// The backward kernels of one compute layer, given δ = ∂L/∂z in its delta buffer: weight gradients as split tiled
/// products summed in a fixed order (deterministic), bias gradients as block reductions, and δ of the layer below with
/// that layer's activation derivative fused into the epilogue (softmax and PReLU get a kernel of their own).
/// </summary>
internal static class CudaBackwardKernels
{
    /// <summary>The kernels that turn ∂L/∂a into ∂L/∂z for softmax and PReLU layers; empty for the others.</summary>
    public static IEnumerable<CudaKernel> ActivationBackward(CudaLayer layer)
    {
        if (layer.Activation == ActivationKind.Softmax)
        {
            yield return SoftmaxBackward(layer);
        }
        else if (layer.Activation == ActivationKind.PReLU)
        {
            yield return PReluBackward(layer);
        }
    }

    public static IEnumerable<CudaKernel> ParameterGradients(CudaLayer layer)
    {
        if (layer.Kind is LayerKind.Dense or LayerKind.Conv2D)
        {
            yield return WeightGradient(layer);
            yield return WeightGradientSum(layer);
            if (layer.Plan.BiasLength > 0)
            {
                yield return BiasGradient(layer);
            }
        }
    }

    public static CudaKernel InputGradient(CudaLayer layer, CudaLayer below) => layer.Kind switch
    {
        LayerKind.Dense => DenseInputGradient(layer, below),
        LayerKind.Conv2D => ConvolutionInputGradient(layer, below),
        LayerKind.MaxPool2D => PoolInputGradient(layer, below, max: true),
        _ => PoolInputGradient(layer, below, max: false),
    };

    /// <summary>Floats of split partial sums a layer's weight gradient needs: Fixed + PerSample·batch covers ⌈batch / samples per split⌉ splits.</summary>
    public static (long Fixed, long PerSample) PartialsSize(CudaLayer layer)
    {
        var count = (long)layer.Plan.WeightLength;
        var samplesPerSplit = CudaProducts.SamplesPerSplit(RowsPerSample(layer));
        return (count, (count + samplesPerSplit - 1) / samplesPerSplit);
    }

    private static int RowsPerSample(CudaLayer layer) => layer.Kind == LayerKind.Conv2D ? layer.Positions : 1;

    private static CudaKernel WeightGradient(CudaLayer layer)
    {
        var plan = layer.Plan;
        var rows = RowsPerSample(layer);
        var samplesPerSplit = CudaProducts.SamplesPerSplit(rows);
        int outputs = layer.Channels, depth = plan.WeightLength / layer.Channels;
        string lhs, rhs;
        if (layer.Kind == LayerKind.Dense)
        {
            lhs = "return delta[k * " + C.Int(outputs) + " + m];";
            rhs = "return in[k * " + C.Int(depth) + " + n];";
        }
        else
        {
            lhs = "return delta[(k / " + C.Int(rows) + " * " + C.Int(outputs) + " + m) * " + C.Int(rows) + " + k % " + C.Int(rows) + "];";
            rhs = CudaProducts.Im2Col(layer, "k", "n");
        }

        var name = (layer.Kind == LayerKind.Dense ? "dense" : "conv2d") + "_weight_gradient_" + layer.Id;
        var helpers = CudaProducts.Problem(
            name + "_problem",
            new[] { "const float* __restrict__ delta;", "const float* __restrict__ in;", "float* __restrict__ out;" },
            lhs, rhs, rhsContiguousInK: false, new[] { "out[m * " + C.Int(depth) + " + n] = value;" });
        var body =
            "const int first = blockIdx.z * " + C.Int(samplesPerSplit) + ";\n" +
            "const int last = min(batch, first + " + C.Int(samplesPerSplit) + ");\n" +
            "ng_gemm_tile(" + name + "_problem{ " + layer.Delta + ", " + layer.Source + ", " + layer.SplitPartials + " + (long long)blockIdx.z * " +
            C.Int(plan.WeightLength) + " }, " + C.Int(outputs) + ", " + C.Int(depth) + ", first * " + C.Int(rows) + ", last * " + C.Int(rows) + ");";
        return new CudaKernel(
            name,
            plan.Name + ": ∂L/∂W = δᵀ·" + (layer.Kind == LayerKind.Dense ? "x" : "im2col(x)") + " over " + C.Int(samplesPerSplit) + " samples per split (grid z), summed by " +
            "weight_gradient_sum_" + layer.Id,
            new[] { CudaParameter.Reads(layer.Delta), CudaParameter.Reads(layer.Source), CudaParameter.Writes(layer.SplitPartials), CudaParameter.Batch },
            body,
            CudaGrid.Covering(depth, CudaProducts.Tile), CudaGrid.Covering(outputs, CudaProducts.Tile), CudaGrid.PerBatch(1, samplesPerSplit),
            Helpers: helpers);
    }

    private static CudaKernel WeightGradientSum(CudaLayer layer)
    {
        var plan = layer.Plan;
        var samplesPerSplit = CudaProducts.SamplesPerSplit(RowsPerSample(layer));
        return new CudaKernel(
            "weight_gradient_sum_" + layer.Id,
            plan.Name + ": sums the splits of ∂L/∂W in split order into the gradient buffer",
            new[] { CudaParameter.Reads(layer.SplitPartials), CudaParameter.Writes(CudaNames.Gradients), CudaParameter.Batch },
            "ng_sum_splits<" + C.Int(plan.WeightLength) + ", " + C.Int(samplesPerSplit) + ">(" + layer.SplitPartials + ", " + CudaNames.Gradients +
            " + " + C.Int(plan.WeightOffset) + ", batch);",
            CudaGrid.Covering(plan.WeightLength, CudaKernel.Threads), CudaGrid.Constant(1), CudaGrid.Constant(1));
    }

    private static CudaKernel BiasGradient(CudaLayer layer)
    {
        var plan = layer.Plan;
        var rows = RowsPerSample(layer);
        var element = rows == 1
            ? layer.Delta + "[r * " + C.Int(layer.Channels) + " + blockIdx.x]"
            : layer.Delta + "[(r / " + C.Int(rows) + " * " + C.Int(layer.Channels) + " + blockIdx.x) * " + C.Int(rows) + " + r % " + C.Int(rows) + "]";
        var body =
            "double sum = 0.0;\n" +
            "for (int r = threadIdx.x; r < batch * " + C.Int(rows) + "; r += NG_THREADS)\n{\n    sum += " + element + ";\n}\n\n" +
            "sum = ng_block_sum(sum);\n" +
            "if (threadIdx.x == 0)\n{\n    " + CudaNames.Gradients + "[" + C.Int(plan.BiasOffset) + " + blockIdx.x] = (float)sum;\n}";
        return new CudaKernel(
            (layer.Kind == LayerKind.Dense ? "dense" : "conv2d") + "_bias_gradient_" + layer.Id,
            plan.Name + ": ∂L/∂b = Σ δ over the batch" + (rows > 1 ? " and positions" : string.Empty) + ", one block per " + (rows > 1 ? "filter" : "unit"),
            new[] { CudaParameter.Reads(layer.Delta), CudaParameter.Writes(CudaNames.Gradients), CudaParameter.Batch },
            body, CudaGrid.Constant(layer.Channels), CudaGrid.Constant(1), CudaGrid.Constant(1));
    }

    private static CudaKernel DenseInputGradient(CudaLayer layer, CudaLayer below)
    {
        int inputs = layer.Plan.InputSize, units = layer.Plan.OutputSize;
        return ProductIntoBelow(
            layer, below, "dense_input_gradient_" + layer.Id,
            layer.Plan.Name + ": δ below = (δ·W)" + DerivativeNote(below),
            "return delta[m * " + C.Int(units) + " + k];",
            "return weight[k * " + C.Int(inputs) + " + n];",
            "m * " + C.Int(inputs) + " + n",
            rowsPerSample: 1, columns: inputs, depth: units);
    }

    private static CudaKernel ConvolutionInputGradient(CudaLayer layer, CudaLayer below)
    {
        var plan = layer.Plan;
        int channels = plan.InputShape[0], height = plan.InputShape[1], width = plan.InputShape[2];
        int outputHeight = plan.OutputShape[1], outputWidth = plan.OutputShape[2];
        int window = plan.Window, area = window * window;
        var lhs =
            "const int image = m / " + C.Int(height * width) + ", cell = m % " + C.Int(height * width) + ";\n" +
            "const int f = k / " + C.Int(area) + ", r = k % " + C.Int(area) + ";\n" +
            "const int y = cell / " + C.Int(width) + " + " + C.Int(plan.Padding) + " - r / " + C.Int(window) + ";\n" +
            "const int x = cell % " + C.Int(width) + " + " + C.Int(plan.Padding) + " - r % " + C.Int(window) + ";\n" +
            "if (y < 0 || x < 0 || y % " + C.Int(plan.Stride) + " != 0 || x % " + C.Int(plan.Stride) + " != 0)\n{\n    return 0.0f;\n}\n\n" +
            "const int oy = y / " + C.Int(plan.Stride) + ", ox = x / " + C.Int(plan.Stride) + ";\n" +
            "return oy < " + C.Int(outputHeight) + " && ox < " + C.Int(outputWidth) + " ? delta[((image * " + C.Int(layer.Channels) + " + f) * " +
            C.Int(outputHeight) + " + oy) * " + C.Int(outputWidth) + " + ox] : 0.0f;";
        var rhs = "return weight[(k / " + C.Int(area) + " * " + C.Int(channels) + " + n) * " + C.Int(area) + " + k % " + C.Int(area) + "];";
        return ProductIntoBelow(
            layer, below, "conv2d_input_gradient_" + layer.Id,
            plan.Name + ": δ below = transposed convolution of δ with W" + DerivativeNote(below),
            lhs, rhs,
            "(m / " + C.Int(height * width) + " * " + C.Int(channels) + " + n) * " + C.Int(height * width) + " + m % " + C.Int(height * width),
            rowsPerSample: height * width, columns: channels, depth: layer.Channels * area);
    }

    private static CudaKernel ProductIntoBelow(
        CudaLayer layer, CudaLayer below, string name, string comment, string lhs, string rhs, string belowIndex, int rowsPerSample, int columns, int depth)
    {
        var members = new List<string> { "const float* __restrict__ delta;", "const float* __restrict__ weight;" };
        var initializers = new List<string> { layer.Delta, CudaNames.Parameters + " + " + C.Int(layer.Plan.WeightOffset) };
        var parameters = new List<CudaParameter> { CudaParameter.Reads(layer.Delta), CudaParameter.Reads(CudaNames.Parameters) };
        AddBelowMembers(below, members, initializers, parameters);
        parameters.Add(CudaParameter.Batch);
        var helpers = CudaProducts.Problem(
            name + "_problem", members, lhs, rhs, rhsContiguousInK: false, BelowStore(below, belowIndex, "value", "z_below", "a_below", "delta_below"));
        var body = "ng_gemm_tile(" + name + "_problem{ " + string.Join(", ", initializers) + " }, batch * " + C.Int(rowsPerSample) + ", " +
                   C.Int(columns) + ", 0, " + C.Int(depth) + ");";
        return new CudaKernel(
            name, comment, parameters, body,
            CudaGrid.Covering(columns, CudaProducts.Tile), CudaGrid.PerBatch(rowsPerSample, CudaProducts.Tile), CudaGrid.Constant(1), Helpers: helpers);
    }

    private static CudaKernel PoolInputGradient(CudaLayer layer, CudaLayer below, bool max)
    {
        var plan = layer.Plan;
        int height = plan.InputShape[1], width = plan.InputShape[2];
        int outputHeight = plan.OutputShape[1], outputWidth = plan.OutputShape[2];
        int window = plan.Window, stride = plan.Stride, padding = plan.Padding;
        var contribution = max
            ? "if (" + layer.ArgMax + "[o] == i)\n        {\n            sum += " + layer.Delta + "[o];\n        }"
            : "sum += " + layer.Delta + "[o] / " + C.Float(window * window) + ";";
        var body =
            "const int i = blockIdx.x * NG_THREADS + threadIdx.x;\n" +
            "if (i >= batch * " + C.Int(plan.InputSize) + ")\n{\n    return;\n}\n\n" +
            "const int plane = i / " + C.Int(height * width) + ", cell = i % " + C.Int(height * width) + ";\n" +
            "const int y = cell / " + C.Int(width) + " + " + C.Int(padding) + ", x = cell % " + C.Int(width) + " + " + C.Int(padding) + ";\n" +
            "// The windows that cover (y, x): o·S ≤ y + P ≤ o·S + window − 1, in output row-major order as on the CPU.\n" +
            "const int first_row = y < " + C.Int(window) + " ? 0 : (y - " + C.Int(window) + " + " + C.Int(stride) + ") / " + C.Int(stride) + ";\n" +
            "const int last_row = min(y / " + C.Int(stride) + ", " + C.Int(outputHeight - 1) + ");\n" +
            "const int first_column = x < " + C.Int(window) + " ? 0 : (x - " + C.Int(window) + " + " + C.Int(stride) + ") / " + C.Int(stride) + ";\n" +
            "const int last_column = min(x / " + C.Int(stride) + ", " + C.Int(outputWidth - 1) + ");\n" +
            "float sum = 0.0f;\n" +
            "for (int oy = first_row; oy <= last_row; ++oy)\n{\n" +
            "    for (int ox = first_column; ox <= last_column; ++ox)\n    {\n" +
            "        const int o = plane * " + C.Int(outputHeight * outputWidth) + " + oy * " + C.Int(outputWidth) + " + ox;\n" +
            "        " + contribution + "\n" +
            "    }\n}\n\n" +
            string.Join("\n", BelowStore(below, "i", "sum", below.PreActivation, below.Output, below.Delta));
        var parameters = new List<CudaParameter> { CudaParameter.Reads(layer.Delta) };
        if (max)
        {
            parameters.Add(CudaParameter.Reads(layer.ArgMax, "int"));
        }

        AddBelowMembers(below, new List<string>(), new List<string>(), parameters);
        parameters.Add(CudaParameter.Batch);
        return CudaKernel.Elementwise(
            (max ? "max" : "avg") + "_pool_input_gradient_" + layer.Id,
            plan.Name + ": δ below gathered from the windows covering each input cell" + (max ? " where it won" : " ÷ window area") + DerivativeNote(below),
            parameters, plan.InputSize, body);
    }

    /// <summary>Adds the buffers a kernel writing δ of <paramref name="below"/> needs: z and a for a fused derivative, then δ.</summary>
    private static void AddBelowMembers(CudaLayer below, List<string> members, List<string> initializers, List<CudaParameter> parameters)
    {
        if (below.HasElementwiseDerivative)
        {
            members.Add("const float* __restrict__ z_below;");
            members.Add("const float* __restrict__ a_below;");
            initializers.Add(below.PreActivation);
            initializers.Add(below.Output);
            parameters.Add(CudaParameter.Reads(below.PreActivation));
            parameters.Add(CudaParameter.Reads(below.Output));
        }

        members.Add("float* __restrict__ delta_below;");
        initializers.Add(below.Delta);
        parameters.Add(CudaParameter.Writes(below.Delta));
    }

    /// <summary>C that writes <paramref name="value"/> as δ of <paramref name="below"/> at <paramref name="index"/>, times the fused derivative if any.</summary>
    private static IEnumerable<string> BelowStore(CudaLayer below, string index, string value, string z, string a, string delta)
    {
        if (!below.HasElementwiseDerivative)
        {
            yield return delta + "[" + index + "] = " + value + ";";
            yield break;
        }

        yield return "const int j = " + index + ";";
        yield return delta + "[j] = " + value + " * " + below.Derivative(z + "[j]", a + "[j]") + ";";
    }

    private static string DerivativeNote(CudaLayer below) =>
        below.HasElementwiseDerivative ? " × " + below.Activation + "'(z below)" : string.Empty;

    private static CudaKernel SoftmaxBackward(CudaLayer layer)
    {
        var units = C.Int(layer.Plan.OutputSize);
        var body =
            "const int row = blockIdx.x * NG_THREADS + threadIdx.x;\n" +
            "if (row >= batch)\n{\n    return;\n}\n\n" +
            "const float* a = " + layer.Output + " + row * " + units + ";\n" +
            "float* d = " + layer.Delta + " + row * " + units + ";\n" +
            "float dot = 0.0f;\n" +
            "for (int j = 0; j < " + units + "; ++j)\n{\n    dot += d[j] * a[j];\n}\n\n" +
            "for (int j = 0; j < " + units + "; ++j)\n{\n    d[j] = a[j] * (d[j] - dot);\n}";
        return CudaKernel.Elementwise(
            "softmax_backward_" + layer.Id, layer.Plan.Name + ": δ ← a ⊙ (δ − ⟨δ, a⟩), one thread per row",
            new[] { CudaParameter.Reads(layer.Output), CudaParameter.Writes(layer.Delta), CudaParameter.Batch }, 1, body);
    }

    private static CudaKernel PReluBackward(CudaLayer layer)
    {
        var plan = layer.Plan;
        var units = C.Int(plan.OutputSize);
        var body =
            "const int j = blockIdx.x;\n" +
            "const float alpha = " + CudaNames.Parameters + "[" + C.Int(plan.AlphaOffset) + " + j];\n" +
            "double sum = 0.0;\n" +
            "for (int row = threadIdx.x; row < batch; row += NG_THREADS)\n{\n" +
            "    const int i = row * " + units + " + j;\n" +
            "    const float z = " + layer.PreActivation + "[i];\n" +
            "    if (z <= 0.0f)\n    {\n" +
            "        sum += " + layer.Delta + "[i] * z;\n" +
            "        " + layer.Delta + "[i] *= alpha;\n" +
            "    }\n}\n\n" +
            "sum = ng_block_sum(sum);\n" +
            "if (threadIdx.x == 0)\n{\n    " + CudaNames.Gradients + "[" + C.Int(plan.AlphaOffset) + " + j] = (float)sum;\n}";
        return new CudaKernel(
            "prelu_backward_" + layer.Id,
            plan.Name + ": ∂L/∂α = Σ δ·z where z ≤ 0, then δ ← α·δ there; one block per unit",
            new[]
            {
                CudaParameter.Reads(layer.PreActivation), CudaParameter.Reads(CudaNames.Parameters), CudaParameter.Writes(layer.Delta),
                CudaParameter.Writes(CudaNames.Gradients), CudaParameter.Batch,
            },
            body, CudaGrid.Constant(plan.OutputSize), CudaGrid.Constant(1), CudaGrid.Constant(1));
    }
}
