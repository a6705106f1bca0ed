using System.Collections.Generic;
using NetGen.Generator.Model;

namespace NetGen.Generator.Emit.Cuda;

/// <summary>
/// The forward kernels: dense and convolution as tiled matrix products with bias and activation in the epilogue
/// (convolution as an implicit im2col product), softmax rows, and max/average pooling, one thread per output.
/// </summary>
internal static class CudaForwardKernels
{
    public static IEnumerable<CudaKernel> For(CudaLayer layer)
    {
        switch (layer.Kind)
        {
            case LayerKind.Dense:
                yield return Dense(layer);
                break;
            case LayerKind.Conv2D:
                yield return Convolution(layer);
                break;
            case LayerKind.MaxPool2D:
                yield return MaxPool(layer);
                break;
            case LayerKind.AvgPool2D:
                yield return AvgPool(layer);
                break;
        }

        if (layer.Activation == ActivationKind.Softmax)
        {
            yield return Softmax(layer);
        }
    }

    private static CudaKernel Dense(CudaLayer layer)
    {
        var plan = layer.Plan;
        var inputs = C.Int(plan.InputSize);
        var units = C.Int(plan.OutputSize);
        return ProductWithEpilogue(
            layer,
            "dense_forward_" + layer.Id,
            plan.Name + ": z = x·Wᵀ" + (plan.BiasLength > 0 ? " + b" : string.Empty) + ", a = " + layer.Activation + "(z); [batch, " + inputs + "] → [batch, " + units + "]",
            "return in[m * " + inputs + " + k];",
            "return weight[n * " + inputs + " + k];",
            "m * " + units + " + n",
            rowsPerSample: 1,
            depth: plan.InputSize);
    }

    private static CudaKernel Convolution(CudaLayer layer)
    {
        var plan = layer.Plan;
        var positions = layer.Positions;
        var depth = plan.InputShape[0] * plan.Window * plan.Window;
        return ProductWithEpilogue(
            layer,
            "conv2d_forward_" + layer.Id,
            plan.Name + ": implicit-im2col convolution " + PassEmitter.Describe(plan) + ", bias and activation fused",
            CudaProducts.Im2Col(layer, "m", "k"),
            "return weight[n * " + C.Int(depth) + " + k];",
            "(m / " + C.Int(positions) + " * " + C.Int(layer.Channels) + " + n) * " + C.Int(positions) + " + m % " + C.Int(positions),
            rowsPerSample: positions,
            depth: depth);
    }

    /// <summary>
    /// A tiled product over rows = samples × <paramref name="rowsPerSample"/>, columns = the layer's channels or units and
    /// <paramref name="depth"/>, whose epilogue adds the bias, keeps z and writes f(z) at <paramref name="outputIndex"/>.
    /// </summary>
    private static CudaKernel ProductWithEpilogue(
        CudaLayer layer, string name, string comment, string lhs, string rhs, string outputIndex, int rowsPerSample, int depth)
    {
        var plan = layer.Plan;
        var problem = name + "_problem";
        var store = new List<string> { "const int i = " + outputIndex + ";" };
        store.Add("const float pre = value" + (plan.BiasLength > 0 ? " + bias[n]" : string.Empty) + ";");
        if (layer.HasSeparatePreActivation)
        {
            store.Add("z[i] = pre;");
        }

        switch (layer.Activation)
        {
            case ActivationKind.Softmax:
                break; // The softmax kernel reads z.
            case ActivationKind.PReLU:
                store.Add("a[i] = pre > 0.0f ? pre : alpha[n] * pre;");
                break;
            default:
                store.Add("a[i] = " + layer.ApplyActivation("pre") + ";");
                break;
        }

        var members = new List<string> { "const float* __restrict__ in;", "const float* __restrict__ weight;" };
        var initializers = new List<string> { layer.Source, "parameters + " + C.Int(plan.WeightOffset) };
        if (plan.BiasLength > 0)
        {
            members.Add("const float* __restrict__ bias;");
            initializers.Add("parameters + " + C.Int(plan.BiasOffset));
        }

        if (plan.AlphaLength > 0)
        {
            members.Add("const float* __restrict__ alpha;");
            initializers.Add("parameters + " + C.Int(plan.AlphaOffset));
        }

        if (layer.HasSeparatePreActivation)
        {
            members.Add("float* __restrict__ z;");
            initializers.Add(layer.PreActivation);
        }

        members.Add("float* __restrict__ a;");
        initializers.Add(layer.Output);
        var parameters = new List<CudaParameter> { CudaParameter.Reads(layer.Source), CudaParameter.Reads(CudaNames.Parameters) };
        if (layer.HasSeparatePreActivation)
        {
            parameters.Add(CudaParameter.Writes(layer.PreActivation));
        }

        parameters.Add(CudaParameter.Writes(layer.Output));
        parameters.Add(CudaParameter.Batch);
        var helpers = CudaProducts.Problem(problem, members, lhs, rhs, rhsContiguousInK: true, store);
        var body = "ng_gemm_tile(" + problem + "{ " + string.Join(", ", initializers) + " }, batch * " + C.Int(rowsPerSample) + ", " +
                   C.Int(layer.Channels) + ", 0, " + C.Int(depth) + ");";
        return new CudaKernel(
            name, comment, parameters, body,
            CudaGrid.Covering(layer.Channels, CudaProducts.Tile), CudaGrid.PerBatch(rowsPerSample, CudaProducts.Tile), CudaGrid.Constant(1),
            Helpers: helpers);
    }

    private static CudaKernel Softmax(CudaLayer layer)
    {
        var units = C.Int(layer.Plan.OutputSize);
        var body =
            "const int row = blockIdx.x * NG_THREADS + threadIdx.x;\n" +
            "if (row >= batch)\n{\n    return;\n}\n\n" +
            "const float* in = " + layer.PreActivation + " + row * " + units + ";\n" +
            "float* out = " + layer.Output + " + row * " + units + ";\n" +
            "float max = in[0];\n" +
            "for (int j = 1; j < " + units + "; ++j)\n{\n    max = fmaxf(max, in[j]);\n}\n\n" +
            "float sum = 0.0f;\n" +
            "for (int j = 0; j < " + units + "; ++j)\n{\n    out[j] = expf(in[j] - max);\n    sum += out[j];\n}\n\n" +
            "const float scale = 1.0f / sum;\n" +
            "for (int j = 0; j < " + units + "; ++j)\n{\n    out[j] *= scale;\n}";
        return CudaKernel.Elementwise(
            "softmax_forward_" + layer.Id, layer.Plan.Name + ": a = softmax(z), one thread per row",
            new[] { CudaParameter.Reads(layer.PreActivation), CudaParameter.Writes(layer.Output), CudaParameter.Batch }, 1, body);
    }

    private static CudaKernel MaxPool(CudaLayer layer)
    {
        var body = CudaPooling.OutputIndices(layer) +
                   "int best = top * " + C.Int(layer.Plan.InputShape[2]) + " + left;\n" +
                   "float max = plane[best];\n" +
                   "for (int y = top; y < bottom; ++y)\n{\n" +
                   "    for (int x = left; x < right; ++x)\n    {\n" +
                   "        const int cell = y * " + C.Int(layer.Plan.InputShape[2]) + " + x;\n" +
                   "        const float value = plane[cell];\n" +
                   "        if (value > max || isnan(value))\n        {\n            max = value;\n            best = cell;\n        }\n" +
                   "    }\n}\n\n" +
                   layer.Output + "[o] = max;\n" +
                   layer.ArgMax + "[o] = plane_start + best;";
        return CudaKernel.Elementwise(
            "max_pool_forward_" + layer.Id,
            layer.Plan.Name + ": " + PassEmitter.Describe(layer.Plan) + "; the first maximum in row-major order wins, NaN wins over numbers; padded cells never win",
            new[] { CudaParameter.Reads(layer.Source), CudaParameter.Writes(layer.Output), CudaParameter.Writes(layer.ArgMax, "int"), CudaParameter.Batch },
            layer.Plan.OutputSize, body);
    }

    private static CudaKernel AvgPool(CudaLayer layer)
    {
        var body = CudaPooling.OutputIndices(layer) +
                   "float sum = 0.0f;\n" +
                   "for (int y = top; y < bottom; ++y)\n{\n" +
                   "    for (int x = left; x < right; ++x)\n    {\n" +
                   "        sum += plane[y * " + C.Int(layer.Plan.InputShape[2]) + " + x];\n" +
                   "    }\n}\n\n" +
                   layer.Output + "[o] = sum / " + C.Float(layer.Plan.Window * layer.Plan.Window) + ";";
        return CudaKernel.Elementwise(
            "avg_pool_forward_" + layer.Id,
            layer.Plan.Name + ": " + PassEmitter.Describe(layer.Plan) + "; padded cells count as zeros",
            new[] { CudaParameter.Reads(layer.Source), CudaParameter.Writes(layer.Output), CudaParameter.Batch },
            layer.Plan.OutputSize, body);
    }
}
