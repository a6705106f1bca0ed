using System.Collections.Generic;
using NetGen.Generator.Emit.Cuda;

namespace NetGen.Generator.Layers.Pool2D;

/// <summary>Pooling's CUDA kernels, one thread per output (forward) or per input cell (δ below, gathered from the windows covering it).</summary>
internal sealed partial class Pool2DLayer
{
    public override IEnumerable<CudaKernel> ForwardKernels(CudaLayer layer)
    {
        var plan = layer.Plan;
        var width = C.Int(plan.InputShape.Width);
        if (_max)
        {
            var body = OutputIndices(layer) +
                       "int best = top * " + width + " + left;\n" +
                       "float max = plane[best];\n" +
                       "for (int y = top; y < bottom; ++y)\n{\n" +
                       "    for (int x = left; x < right; ++x)\n    {\n" +
                       "        const int cell = y * " + width + " + x;\n" +
                       "        const float value = plane[cell];\n" +
                       "        if (value > max || isnan(value))\n        {\n            max = value;\n            best = cell;\n        }\n" +
                       "    }\n}\n\n" +
                       layer.Output + "[o] = max;\n" +
                       layer.Buffer(ArgMax) + "[o] = plane_start + best;";
            yield return CudaKernel.Elementwise(
                "max_pool_forward_" + layer.Id,
                plan.Name + ": " + Describe(plan) + "; the first maximum in row-major order wins, NaN wins over numbers; padded cells never win",
                new[] { CudaParameter.Reads(layer.Source), CudaParameter.Writes(layer.Output), CudaParameter.Writes(layer.Buffer(ArgMax), "int"), CudaParameter.Batch },
                plan.OutputSize, body);
        }
        else
        {
            var body = OutputIndices(layer) +
                       "float sum = 0.0f;\n" +
                       "for (int y = top; y < bottom; ++y)\n{\n" +
                       "    for (int x = left; x < right; ++x)\n    {\n" +
                       "        sum += plane[y * " + width + " + x];\n" +
                       "    }\n}\n\n" +
                       layer.Output + "[o] = sum / " + C.Float(Options(plan).Window * Options(plan).Window) + ";";
            yield return CudaKernel.Elementwise(
                "avg_pool_forward_" + layer.Id,
                plan.Name + ": " + Describe(plan) + "; padded cells count as zeros",
                new[] { CudaParameter.Reads(layer.Source), CudaParameter.Writes(layer.Output), CudaParameter.Batch },
                plan.OutputSize, body);
        }
    }

    public override IEnumerable<CudaKernel> ParameterGradientKernels(CudaLayer layer) => [];

    public override CudaKernel InputGradientKernel(CudaLayer layer, CudaLayer below)
    {
        var plan = layer.Plan;
        var options = Options(plan);
        int height = plan.InputShape.Height, width = plan.InputShape.Width;
        int outputHeight = plan.OutputShape.Height, outputWidth = plan.OutputShape.Width;
        int window = options.Window, stride = options.Stride, padding = options.Padding;
        var contribution = _max
            ? "if (" + layer.Buffer(ArgMax) + "[o] == i)\n        {\n            sum += " + layer.Delta + "[o];\n        }"
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
            string.Join("\n", CudaBelow.Store(below, "i", "sum", below.PreActivation, below.Output, below.Delta));
        var parameters = new List<CudaParameter> { CudaParameter.Reads(layer.Delta) };
        if (_max)
        {
            parameters.Add(CudaParameter.Reads(layer.Buffer(ArgMax), "int"));
        }

        CudaBelow.AddMembers(below, new List<string>(), new List<string>(), parameters);
        parameters.Add(CudaParameter.Batch);
        return CudaKernel.Elementwise(
            (_max ? "max" : "avg") + "_pool_input_gradient_" + layer.Id,
            plan.Name + ": δ below gathered from the windows covering each input cell" + (_max ? " where it won" : " ÷ window area") + CudaBelow.DerivativeNote(below),
            parameters, plan.InputSize, body);
    }

    /// <summary>
    /// C that derives, from a thread per output element, the output index o, its plane, and the window's rows [top, bottom)
    /// and columns [left, right) clipped to the input.
    /// </summary>
    private static string OutputIndices(CudaLayer layer)
    {
        var plan = layer.Plan;
        var options = Options(plan);
        int height = plan.InputShape.Height, width = plan.InputShape.Width;
        int outputHeight = plan.OutputShape.Height, outputWidth = plan.OutputShape.Width;
        return
            "const int o = blockIdx.x * NG_THREADS + threadIdx.x;\n" +
            "if (o >= batch * " + C.Int(plan.OutputSize) + ")\n{\n    return;\n}\n\n" +
            "const int plane_start = o / " + C.Int(outputHeight * outputWidth) + " * " + C.Int(height * width) + ";\n" +
            "const float* plane = " + layer.Source + " + plane_start;\n" +
            "const int row = o % " + C.Int(outputHeight * outputWidth) + " / " + C.Int(outputWidth) + " * " + C.Int(options.Stride) + " - " + C.Int(options.Padding) + ";\n" +
            "const int column = o % " + C.Int(outputWidth) + " * " + C.Int(options.Stride) + " - " + C.Int(options.Padding) + ";\n" +
            "const int top = max(row, 0), bottom = min(row + " + C.Int(options.Window) + ", " + C.Int(height) + ");\n" +
            "const int left = max(column, 0), right = min(column + " + C.Int(options.Window) + ", " + C.Int(width) + ");\n";
    }
}
