using System.Collections.Generic;
using NetGen.Generator.Activations;
using NetGen.Generator.Model;

namespace NetGen.Generator.Emit.Cuda;

/// <summary>
/// The kernels that dense and convolution layers build on the prelude's tiled product: the forward product with bias and
/// activation in its epilogue, the weight gradient as split products summed in a fixed order (deterministic), the bias
/// gradient as a block reduction, and δ of the layer below as a product with that layer's derivative in its epilogue.
/// Each layer supplies its own index arithmetic as lhs(m, k), rhs(k, n) and the output index, and where they differ from
/// its weights, output and δ, the operands (<see cref="CudaProductOperands"/>).
/// </summary>
internal static class CudaProductKernels
{
    /// <summary>
    /// A tiled product over rows = samples × <paramref name="rowsPerSample"/>, columns = the rows of W (the layer's channels
    /// or units) and <paramref name="depth"/>, whose epilogue adds the bias, keeps z and writes f(z) at <paramref name="outputIndex"/>.
    /// </summary>
    public static CudaKernel ForwardWithEpilogue(
        CudaLayer layer, string name, string comment, string lhs, string rhs, string outputIndex, int rowsPerSample, int depth,
        CudaProductOperands? operands = null)
    {
        operands ??= CudaProductOperands.Of(layer);
        var plan = layer.Plan;
        var hasBias = plan.Tensor(TensorRoles.Bias) is not null;
        var problem = name + "_problem";
        var store = new List<string> { "const int i = " + outputIndex + ";" };
        store.Add("const float pre = value" + (hasBias ? " + bias[n]" : string.Empty) + ";");
        if (layer.HasSeparatePreActivation)
        {
            store.Add("z[i] = pre;");
        }

        switch (layer.Activation.Form)
        {
            case ActivationForm.RowWise:
                break; // Its own kernel reads z.
            case ActivationForm.Learned:
                store.Add("a[i] = pre > 0.0f ? pre : alpha[n] * pre;");
                break;
            case ActivationForm.Identity:
            case ActivationForm.Elementwise:
            case ActivationForm.Noisy:
                store.Add("a[i] = " + layer.ApplyActivation("pre") + ";");
                break;
            default:
                throw new System.NotSupportedException("No product epilogue for activation form " + layer.Activation.Form);
        }

        var members = new List<string> { "const float* __restrict__ in;", "const float* __restrict__ weight;" };
        var initializers = new List<string> { layer.Source, operands.Weights };
        if (hasBias)
        {
            members.Add("const float* __restrict__ bias;");
            initializers.Add(layer.Parameters(TensorRoles.Bias));
        }

        if (plan.Tensor(TensorRoles.Alpha) is not null)
        {
            members.Add("const float* __restrict__ alpha;");
            initializers.Add(layer.Parameters(TensorRoles.Alpha));
        }

        if (layer.HasSeparatePreActivation)
        {
            members.Add("float* __restrict__ z;");
            initializers.Add(layer.PreActivation);
        }

        members.Add("float* __restrict__ a;");
        initializers.Add(operands.Output);
        var parameters = new List<CudaParameter> { CudaParameter.Reads(layer.Source), CudaParameter.Reads(CudaNames.Parameters) };
        if (operands.WeightBuffer is { } weightBuffer)
        {
            parameters.Add(CudaParameter.Reads(weightBuffer));
        }

        if (layer.HasSeparatePreActivation)
        {
            parameters.Add(CudaParameter.Writes(layer.PreActivation));
        }

        parameters.Add(CudaParameter.Writes(operands.Output));
        parameters.Add(CudaParameter.Batch);
        var helpers = CudaProducts.Problem(problem, members, lhs, rhs, rhsContiguousInK: true, store);
        var body = "ng_gemm_tile(" + problem + "{ " + string.Join(", ", initializers) + " }, batch * " + C.Int(rowsPerSample) + ", " +
                   C.Int(operands.Rows) + ", 0, " + C.Int(depth) + ");";
        var columns = operands.Rows;
        return CudaProducts.WithSmallTiles(
            new CudaKernel(
                name, comment, parameters, body,
                CudaGrid.PerBatch(rowsPerSample, CudaProducts.Tile), CudaGrid.Covering(columns, CudaProducts.Tile), CudaGrid.Constant(1),
                Helpers: helpers),
            tile => (CudaGrid.PerBatch(rowsPerSample, tile), CudaGrid.Covering(columns, tile)));
    }

    /// <summary>Floats of split partial sums a weight gradient needs: Fixed + PerSample·batch covers ⌈batch / samples per split⌉ splits, up to the most splits it takes.</summary>
    public static CudaBufferSpec WeightGradientPartials(CudaLayer layer, int rowsPerSample) =>
        WeightGradientPartials(PartialsName(layer), layer.Plan.Tensor(TensorRoles.Weight)!.Length, rowsPerSample);

    /// <summary>The partial sums of a weight gradient of <paramref name="count"/> floats, named <paramref name="name"/> (which starts with "weight_gradient_partials_").</summary>
    public static CudaBufferSpec WeightGradientPartials(string name, long count, int rowsPerSample)
    {
        var samplesPerSplit = CudaProducts.SamplesPerSplit(rowsPerSample);
        var maxSplits = CudaProducts.MaxSplits(count);

        // A gradient that never splits is written straight into the gradients; its partials buffer is a placeholder.
        return new CudaBufferSpec(name, "float", count, (count + samplesPerSplit - 1) / samplesPerSplit, maxSplits == 1 ? 1 : count * maxSplits);
    }

    /// <summary>
    /// ∂L/∂W = δᵀ·x over the batch, as split products (grid z) into the partials buffer, then summed in split order into the
    /// gradients (one split writes the gradients itself, and the sum is left out); and ∂L/∂b as a block reduction when the
    /// layer has a bias.
    /// </summary>
    public static IEnumerable<CudaKernel> ParameterGradients(
        CudaLayer layer, string prefix, string lhs, string rhs, string input, int rowsPerSample, CudaProductOperands? operands = null)
    {
        operands ??= CudaProductOperands.Of(layer);
        var gradient = new CudaWeightGradient(
            TensorRoles.Weight, "∂L/∂W", operands.Delta, layer.Source, input, operands.Rows, PartialsName(layer),
            prefix + "_weight_gradient_" + layer.Id, "weight_gradient_sum_" + layer.Id, lhs, rhs, rowsPerSample);
        foreach (var kernel in WeightGradientKernels(layer, gradient))
        {
            yield return kernel;
        }

        if (layer.Plan.Tensor(TensorRoles.Bias) is not null)
        {
            yield return BiasGradient(layer, operands, prefix, rowsPerSample);
        }
    }

    /// <summary>The kernels of one weight gradient: the split products into its partials, then their sum in split order where it can split.</summary>
    public static IEnumerable<CudaKernel> WeightGradientKernels(CudaLayer layer, CudaWeightGradient gradient)
    {
        yield return WeightGradient(layer, gradient);
        if (CudaProducts.MaxSplits(layer.Plan.Tensor(gradient.WeightRole)!.Length) > 1)
        {
            yield return WeightGradientSum(layer, gradient);
        }
    }

    /// <summary>Samples a split covers: at least the samples per split, more where the batch would need more than the most splits.</summary>
    private static string SamplesPerSplitExpression(int samplesPerSplit, long maxSplits) =>
        maxSplits == 1 ? "batch" : "max(" + C.Int(samplesPerSplit) + ", (batch + " + C.Int(maxSplits - 1) + ") / " + C.Int(maxSplits) + ")";

    private static string PartialsName(CudaLayer layer) => "weight_gradient_partials_" + layer.Id;

    private static CudaKernel WeightGradient(CudaLayer layer, CudaWeightGradient gradient)
    {
        var weights = layer.Plan.Tensor(gradient.WeightRole)!.Length;
        var rows = gradient.RowsPerSample;
        var samplesPerSplit = CudaProducts.SamplesPerSplit(rows);
        int outputs = gradient.Outputs, depth = weights / gradient.Outputs;
        var name = gradient.Name;
        var maxSplits = CudaProducts.MaxSplits(weights);
        var helpers = CudaProducts.Problem(
            name + "_problem",
            new[] { "const float* __restrict__ delta;", "const float* __restrict__ in;", "float* __restrict__ out;" },
            gradient.Lhs, gradient.Rhs, rhsContiguousInK: false, new[] { "out[m * " + C.Int(depth) + " + n] = value;" });
        var body =
            "const int per_split = " + SamplesPerSplitExpression(samplesPerSplit, maxSplits) + ";\n" +
            "const int first = blockIdx.z * per_split;\n" +
            "const int last = min(batch, first + per_split);\n" +
            "float* const out = gridDim.z == 1 ? " + CudaNames.Gradients + " + " + C.Int(layer.Offset(gradient.WeightRole)) + " : " + gradient.Partials +
            " + (long long)blockIdx.z * " + C.Int(weights) + ";\n" +
            "ng_gemm_tile(" + name + "_problem{ " + gradient.Delta + ", " + gradient.Source + ", out }, " + C.Int(outputs) + ", " + C.Int(depth) +
            ", first * " + C.Int(rows) + ", last * " + C.Int(rows) + ");";
        var splits = maxSplits == 1
            ? " over the whole batch into the gradients"
            : " over " + C.Int(samplesPerSplit) + "+ samples per split (grid z, at most " + C.Int(maxSplits) + " splits), summed by " + gradient.SumName +
              "; one split writes the gradients";
        return CudaProducts.WithSmallTiles(
            new CudaKernel(
                name,
                layer.Plan.Name + ": " + gradient.Label + " = δᵀ·" + gradient.Input + splits,
                new[]
                {
                    CudaParameter.Reads(gradient.Delta), CudaParameter.Reads(gradient.Source), CudaParameter.Writes(gradient.Partials),
                    CudaParameter.Writes(CudaNames.Gradients), CudaParameter.Batch,
                },
                body,
                CudaGrid.Covering(outputs, CudaProducts.Tile), CudaGrid.Covering(depth, CudaProducts.Tile), CudaGrid.PerBatch(1, samplesPerSplit) with { Maximum = maxSplits },
                Helpers: helpers),
            tile => (CudaGrid.Covering(outputs, tile), CudaGrid.Covering(depth, tile)));
    }

    private static CudaKernel WeightGradientSum(CudaLayer layer, CudaWeightGradient gradient)
    {
        var weights = layer.Plan.Tensor(gradient.WeightRole)!.Length;
        var samplesPerSplit = CudaProducts.SamplesPerSplit(gradient.RowsPerSample);
        return new CudaKernel(
            gradient.SumName,
            layer.Plan.Name + ": sums the splits of " + gradient.Label + " in split order into the gradient buffer (batches of more than one split)",
            new[] { CudaParameter.Reads(gradient.Partials), CudaParameter.Writes(CudaNames.Gradients), CudaParameter.Batch },
            "ng_sum_splits<" + C.Int(weights) + ">(" + gradient.Partials + ", " + CudaNames.Gradients + " + " + C.Int(layer.Offset(gradient.WeightRole)) +
            ", batch, " + SamplesPerSplitExpression(samplesPerSplit, CudaProducts.MaxSplits(weights)) + ");",
            CudaGrid.Covering(weights, CudaKernel.Threads), CudaGrid.Constant(1), CudaGrid.Constant(1), MinimumBatch: samplesPerSplit + 1);
    }

    private static CudaKernel BiasGradient(CudaLayer layer, CudaProductOperands operands, string prefix, int rows)
    {
        var channelMajor = rows > 1 && operands.ChannelMajor;
        var element = !channelMajor
            ? operands.Delta + "[r * " + C.Int(operands.Rows) + " + blockIdx.x]"
            : operands.Delta + "[(r / " + C.Int(rows) + " * " + C.Int(operands.Rows) + " + blockIdx.x) * " + C.Int(rows) + " + r % " + C.Int(rows) + "]";
        var body =
            "double sum = 0.0;\n" +
            "for (int r = threadIdx.x; r < batch * " + C.Int(rows) + "; r += NG_THREADS)\n{\n    sum += " + element + ";\n}\n\n" +
            "sum = ng_block_sum(sum);\n" +
            "if (threadIdx.x == 0)\n{\n    " + CudaNames.Gradients + "[" + C.Int(layer.Offset(TensorRoles.Bias)) + " + blockIdx.x] = (float)sum;\n}";
        var over = rows == 1 ? string.Empty : channelMajor ? " and positions" : " and steps";
        return new CudaKernel(
            prefix + "_bias_gradient_" + layer.Id,
            layer.Plan.Name + ": ∂L/∂b = Σ δ over the batch" + over + ", one block per " + (channelMajor ? "filter" : "unit"),
            new[] { CudaParameter.Reads(operands.Delta), CudaParameter.Writes(CudaNames.Gradients), CudaParameter.Batch },
            body, CudaGrid.Constant(operands.Rows), CudaGrid.Constant(1), CudaGrid.Constant(1));
    }

    /// <summary>δ of <paramref name="below"/> as a tiled product of this layer's δ and weights, the derivative of below's activation fused into the store.</summary>
    public static CudaKernel InputGradient(
        CudaLayer layer, CudaLayer below, string name, string comment, string lhs, string rhs, string belowIndex, int rowsPerSample, int columns, int depth,
        CudaProductOperands? operands = null)
    {
        operands ??= CudaProductOperands.Of(layer);
        var members = new List<string> { "const float* __restrict__ delta;", "const float* __restrict__ weight;" };
        var initializers = new List<string> { operands.Delta, operands.Weights };
        var parameters = new List<CudaParameter> { CudaParameter.Reads(operands.Delta), CudaParameter.Reads(operands.WeightBuffer ?? CudaNames.Parameters) };
        CudaBelow.AddMembers(below, members, initializers, parameters);
        parameters.Add(CudaParameter.Batch);
        var helpers = CudaProducts.Problem(
            name + "_problem", members, lhs, rhs, rhsContiguousInK: false, CudaBelow.Store(below, belowIndex, "value", "z_below", "a_below", "delta_below"));
        var body = "ng_gemm_tile(" + name + "_problem{ " + string.Join(", ", initializers) + " }, batch * " + C.Int(rowsPerSample) + ", " +
                   C.Int(columns) + ", 0, " + C.Int(depth) + ");";
        return CudaProducts.WithSmallTiles(
            new CudaKernel(
                name, comment, parameters, body,
                CudaGrid.PerBatch(rowsPerSample, CudaProducts.Tile), CudaGrid.Covering(columns, CudaProducts.Tile), CudaGrid.Constant(1), Helpers: helpers),
            tile => (CudaGrid.PerBatch(rowsPerSample, tile), CudaGrid.Covering(columns, tile)));
    }
}
