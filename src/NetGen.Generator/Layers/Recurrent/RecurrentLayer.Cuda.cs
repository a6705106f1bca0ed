using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Activations;
using NetGen.Generator.Emit.Cuda;
using NetGen.Generator.Model;

namespace NetGen.Generator.Layers.Recurrent;

/// <summary>
/// The recurrent layer's CUDA kernels. Forward: the input projections of every step as one tiled product over batch × T
/// rows, x·W_ihᵀ + b_ih into "projections" [sample][t][G·H]; then the recurrence as one launch, each block owning a few
/// samples and looping over the T steps inside the kernel with their states in shared memory: per step W_hh·hₜ₋₁ + b_hh for
/// every gate row, a barrier, the cell's element-wise pass (which keeps the gates, the states and the output), a barrier.
/// Backward: one launch looping t = T−1 … 0 with ∂L/∂h (and the LSTM's ∂L/∂c) carried in shared memory, writing the gate
/// deltas of every step: the input side over the projections, the GRU's recurrent side (its n rows times r) into
/// "gate_deltas"; then ∂L/∂W_ih, ∂L/∂W_hh, the biases and δ below as tiled products and a reduction over batch × T rows.
/// So a forward pass is two launches whatever T is; the backward is the recurrence, two weight-gradient products and their
/// sums, the biases' reduction (with Bias) and δ below (unless the layer is the first with parameters): five to seven.
/// The "step" buffer is the CPU's and is not used here.
/// </summary>
/// <remarks>
/// Shared memory per sample of a block: h (and the LSTM's c) and the G·H gate values, (1 or 2)·H + G·H floats, the same
/// forward and backward. A block takes as many samples as give its 256 threads one gate row each (at most 16), fewer when
/// they would pass 48 KB of static shared memory; one sample fits up to H = 2048 for the LSTM, 3072 for the GRU and 6144
/// for the Elman cell (H = 256 takes 6 KB per LSTM sample). Larger layers fall back to a device scratch buffer
/// ("recurrent_scratch") in global memory for the same arrays, one sample per block, the barriers ordering it just the same.
/// </remarks>
internal sealed partial class RecurrentLayer
{
    /// <summary>Static shared memory a recurrence kernel may declare.</summary>
    private const int SharedMemoryBytes = 48 * 1024;

    /// <summary>The device buffer the recurrence kernels keep their per-block arrays in when shared memory is too small.</summary>
    private const string Scratch = "recurrent_scratch";

    public override IEnumerable<CudaKernel> ForwardKernels(CudaLayer layer)
    {
        yield return Projection(layer);
        yield return RecurrenceForward(layer);
    }

    /// <summary>The recurrence backward first (it writes the gate deltas everything after it reads), then the products.</summary>
    public override IEnumerable<CudaKernel> ParameterGradientKernels(CudaLayer layer)
    {
        var sizes = new Sizes(layer, Kind, Gates);
        yield return RecurrenceBackward(layer);
        var gateRows = C.Int(sizes.GateRows);
        foreach (var kernel in CudaProductKernels.WeightGradientKernels(layer, new CudaWeightGradient(
                     TensorRoles.InputWeight, "∂L/∂W_ih", layer.Buffer(RecurrentBuffers.Projections), layer.Source, "x", sizes.GateRows,
                     InputPartials(layer), Prefix + "_input_weight_gradient_" + layer.Id, "input_weight_gradient_sum_" + layer.Id,
                     "return delta[k * " + gateRows + " + m];",
                     "return in[k * " + C.Int(sizes.Features) + " + n];",
                     sizes.Steps)))
        {
            yield return kernel;
        }

        foreach (var kernel in CudaProductKernels.WeightGradientKernels(layer, new CudaWeightGradient(
                     TensorRoles.RecurrentWeight, "∂L/∂W_hh", RecurrentDelta(layer), layer.Buffer(RecurrentBuffers.States), "hₜ₋₁", sizes.GateRows,
                     RecurrentPartials(layer), Prefix + "_recurrent_weight_gradient_" + layer.Id, "recurrent_weight_gradient_sum_" + layer.Id,
                     "return delta[k * " + gateRows + " + m];",
                     "return in[k / " + C.Int(sizes.Steps) + " * " + C.Int(sizes.StateStride) + " + k % " + C.Int(sizes.Steps) + " * " + C.Int(sizes.Units) + " + n];",
                     sizes.Steps)))
        {
            yield return kernel;
        }

        if (layer.Plan.Tensor(TensorRoles.InputBias) is not null)
        {
            yield return BiasGradient(layer);
        }
    }

    public override CudaKernel InputGradientKernel(CudaLayer layer, CudaLayer below)
    {
        var sizes = new Sizes(layer, Kind, Gates);
        var operands = new CudaProductOperands(
            layer.Parameters(TensorRoles.InputWeight), null, layer.Output, layer.Buffer(RecurrentBuffers.Projections), sizes.GateRows);
        return CudaProductKernels.InputGradient(
            layer, below, Prefix + "_input_gradient_" + layer.Id,
            layer.Plan.Name + ": δ below = (gate deltas)·W_ih at every step" + CudaBelow.DerivativeNote(below) + "; [batch × " + C.Int(sizes.Steps) + ", " +
            C.Int(sizes.GateRows) + "] → [batch × " + C.Int(sizes.Steps) + ", " + C.Int(sizes.Features) + "]",
            "return delta[m * " + C.Int(sizes.GateRows) + " + k];",
            "return weight[k * " + C.Int(sizes.Features) + " + n];",
            "m * " + C.Int(sizes.Features) + " + n",
            rowsPerSample: sizes.Steps, columns: sizes.Features, depth: sizes.GateRows, operands);
    }

    public override IEnumerable<CudaBufferSpec> ScratchBuffers(CudaLayer layer)
    {
        var sizes = new Sizes(layer, Kind, Gates);
        yield return CudaProductKernels.WeightGradientPartials(InputPartials(layer), layer.Plan.Tensor(TensorRoles.InputWeight)!.Length, sizes.Steps);
        yield return CudaProductKernels.WeightGradientPartials(RecurrentPartials(layer), layer.Plan.Tensor(TensorRoles.RecurrentWeight)!.Length, sizes.Steps);
        if (!sizes.InSharedMemory)
        {
            yield return new CudaBufferSpec(layer.Buffer(Scratch), "float", 0, sizes.BlockFloats);
        }
    }

    /// <summary>The kernels' prefix: "simple_rnn", "lstm" or "gru".</summary>
    private string Prefix => Kind switch
    {
        LayerKind.Lstm => "lstm",
        LayerKind.Gru => "gru",
        _ => "simple_rnn",
    };

    private static string InputPartials(CudaLayer layer) => "weight_gradient_partials_input_" + layer.Id;

    private static string RecurrentPartials(CudaLayer layer) => "weight_gradient_partials_recurrent_" + layer.Id;

    /// <summary>The recurrent side of the gate deltas: the GRU's own buffer, the input side for the others (they are equal there).</summary>
    private string RecurrentDelta(CudaLayer layer) => layer.Buffer(Kind == LayerKind.Gru ? RecurrentBuffers.GateDeltas : RecurrentBuffers.Projections);

    private CudaKernel Projection(CudaLayer layer)
    {
        var sizes = new Sizes(layer, Kind, Gates);
        var hasBias = layer.Plan.Tensor(TensorRoles.InputBias) is not null;
        var name = Prefix + "_projection_" + layer.Id;
        var projections = layer.Buffer(RecurrentBuffers.Projections);
        var members = new List<string> { "const float* __restrict__ in;", "const float* __restrict__ weight;" };
        var initializers = new List<string> { layer.Source, layer.Parameters(TensorRoles.InputWeight) };
        if (hasBias)
        {
            members.Add("const float* __restrict__ bias;");
            initializers.Add(layer.Parameters(TensorRoles.InputBias));
        }

        members.Add("float* __restrict__ out;");
        initializers.Add(projections);
        var helpers = CudaProducts.Problem(
            name + "_problem", members,
            "return in[m * " + C.Int(sizes.Features) + " + k];",
            "return weight[n * " + C.Int(sizes.Features) + " + k];",
            rhsContiguousInK: true,
            new[] { "out[m * " + C.Int(sizes.GateRows) + " + n] = value" + (hasBias ? " + bias[n]" : string.Empty) + ";" });
        return CudaProducts.WithSmallTiles(
            new CudaKernel(
                name,
                layer.Plan.Name + ": x·W_ihᵀ" + (hasBias ? " + b_ih" : string.Empty) + " at every step, one product over batch × " + C.Int(sizes.Steps) + " rows; [batch × " +
                C.Int(sizes.Steps) + ", " + C.Int(sizes.Features) + "] → [batch × " + C.Int(sizes.Steps) + ", " + C.Int(sizes.GateRows) + "]",
                new[] { CudaParameter.Reads(layer.Source), CudaParameter.Reads(CudaNames.Parameters), CudaParameter.Writes(projections), CudaParameter.Batch },
                "ng_gemm_tile(" + name + "_problem{ " + string.Join(", ", initializers) + " }, batch * " + C.Int(sizes.Steps) + ", " + C.Int(sizes.GateRows) + ", 0, " +
                C.Int(sizes.Features) + ");",
                CudaGrid.PerBatch(sizes.Steps, CudaProducts.Tile), CudaGrid.Covering(sizes.GateRows, CudaProducts.Tile), CudaGrid.Constant(1),
                Helpers: helpers),
            tile => (CudaGrid.PerBatch(sizes.Steps, tile), CudaGrid.Covering(sizes.GateRows, tile)));
    }

    /// <summary>
    /// The forward recurrence: per step, W_hh·hₜ₋₁ + b_hh one (sample, gate row) per thread into the block's gate array, then the
    /// cell one (sample, unit) per thread, h (and c) updated in place.
    /// </summary>
    private CudaKernel RecurrenceForward(CudaLayer layer)
    {
        var sizes = new Sizes(layer, Kind, Gates);
        string steps = C.Int(sizes.Steps), units = C.Int(sizes.Units), gateRows = C.Int(sizes.GateRows), samples = C.Int(sizes.SamplesPerBlock);
        var states = layer.Buffer(RecurrentBuffers.States);
        var isLstm = Kind == LayerKind.Lstm;
        var hasBias = layer.Plan.Tensor(TensorRoles.RecurrentBias) is not null;
        var body = new List<string> { "const int first = blockIdx.x * " + samples + ";" };
        body.AddRange(Arrays(layer, sizes, isLstm ? new[] { "h", "c" } : new[] { "h" }, "gate"));
        body.Add("const float* __restrict__ w = " + layer.Parameters(TensorRoles.RecurrentWeight) + ";");
        if (hasBias)
        {
            body.Add("const float* __restrict__ b = " + layer.Parameters(TensorRoles.RecurrentBias) + ";");
        }

        body.Add(string.Empty);
        body.Add("// The zero state h₀" + (isLstm ? " and c₀" : string.Empty) + ".");
        body.Add("for (int e = threadIdx.x; e < " + C.Int(sizes.SamplesPerBlock * sizes.Units) + "; e += NG_THREADS)");
        body.Add("{");
        body.Add("    const int sample = first + e / " + units + ";");
        body.Add("    h[e] = 0.0f;");
        if (isLstm)
        {
            body.Add("    c[e] = 0.0f;");
        }

        body.Add("    if (sample < batch)");
        body.Add("    {");
        body.Add("        " + states + "[(long long)sample * " + C.Int(sizes.StateStride) + " + e % " + units + "] = 0.0f;");
        if (isLstm)
        {
            body.Add("        " + states + "[(long long)sample * " + C.Int(sizes.StateStride) + " + " + C.Int(sizes.CellOffset) + " + e % " + units + "] = 0.0f;");
        }

        body.Add("    }");
        body.Add("}");
        body.Add(string.Empty);
        body.Add("__syncthreads();");
        body.Add("for (int t = 0; t < " + steps + "; ++t)");
        body.Add("{");
        body.Add("    // W_hh·hₜ₋₁" + (hasBias ? " + b_hh" : string.Empty) + ", one (sample, gate row) per thread.");
        body.Add("    for (int e = threadIdx.x; e < " + C.Int(sizes.SamplesPerBlock * sizes.GateRows) + "; e += NG_THREADS)");
        body.Add("    {");
        body.Add("        const float* __restrict__ row = w + e % " + gateRows + " * " + units + ";");
        body.Add("        const float* state = h + e / " + gateRows + " * " + units + ";");
        body.Add("        float sum = " + (hasBias ? "b[e % " + gateRows + "]" : "0.0f") + ";");
        body.Add("        for (int k = 0; k < " + units + "; ++k)");
        body.Add("        {");
        body.Add("            sum = fmaf(row[k], state[k], sum);");
        body.Add("        }");
        body.Add(string.Empty);
        body.Add("        gate[e] = sum;");
        body.Add("    }");
        body.Add(string.Empty);
        body.Add("    __syncthreads();");
        body.Add("    // " + CellComment(layer) + ", one (sample, unit) per thread.");
        body.Add("    for (int e = threadIdx.x; e < " + C.Int(sizes.SamplesPerBlock * sizes.Units) + "; e += NG_THREADS)");
        body.Add("    {");
        body.Add("        const int s = e / " + units + ", u = e % " + units + ", sample = first + s;");
        body.Add("        if (sample >= batch)");
        body.Add("        {");
        body.Add("            continue;");
        body.Add("        }");
        body.Add(string.Empty);
        body.Add("        const long long row = (long long)sample * " + steps + " + t;");
        body.Add("        const float* __restrict__ p = " + layer.Buffer(RecurrentBuffers.Projections) + " + row * " + gateRows + ";");
        body.Add("        const float* q = gate + s * " + gateRows + ";");
        body.AddRange(CellForward(layer, sizes).Select(line => "        " + line));
        body.Add("        h[e] = a;");
        body.Add("        " + states + "[(long long)sample * " + C.Int(sizes.StateStride) + " + (t + 1) * " + units + " + u] = a;");
        if (Options(layer.Plan).ReturnSequences)
        {
            body.Add("        " + layer.Output + "[row * " + units + " + u] = a;");
        }
        else
        {
            body.Add("        if (t == " + C.Int(sizes.Steps - 1) + ")");
            body.Add("        {");
            body.Add("            " + layer.Output + "[(long long)sample * " + units + " + u] = a;");
            body.Add("        }");
        }

        body.Add("    }");
        body.Add(string.Empty);
        body.Add("    __syncthreads();");
        body.Add("}");

        var parameters = new List<CudaParameter>
        {
            CudaParameter.Reads(layer.Buffer(RecurrentBuffers.Projections)), CudaParameter.Reads(CudaNames.Parameters),
            CudaParameter.Writes(layer.Buffer(RecurrentBuffers.Gates)), CudaParameter.Writes(states), CudaParameter.Writes(layer.Output),
        };
        if (!sizes.InSharedMemory)
        {
            parameters.Add(CudaParameter.Writes(layer.Buffer(Scratch)));
        }

        parameters.Add(CudaParameter.Batch);
        return new CudaKernel(
            Prefix + "_forward_" + layer.Id,
            layer.Plan.Name + ": the " + C.Int(sizes.Steps) + " steps of the " + CellName() + " in one launch, " + samples + " sample" +
            (sizes.SamplesPerBlock == 1 ? string.Empty : "s") + " per block, " + Storage(sizes) + "; per step W_hh·hₜ₋₁" + (hasBias ? " + b_hh" : string.Empty) +
            " then " + CellComment(layer) + (Options(layer.Plan).ReturnSequences ? ", a = every hₜ" : ", a = h_T"),
            parameters, string.Join("\n", body),
            CudaGrid.PerBatch(1, sizes.SamplesPerBlock), CudaGrid.Constant(1), CudaGrid.Constant(1));
    }

    /// <summary>
    /// Backpropagation through time: per step, from the carried ∂L/∂hₜ plus δ of the output at t, the gate deltas one (sample,
    /// unit) per thread (the LSTM's ∂L/∂cₜ₋₁ and the GRU's z∘∂L/∂hₜ along), then ∂L/∂hₜ₋₁ += Σ_gates δ·W_hh one (sample, unit)
    /// per thread; nothing is carried across a truncation point.
    /// </summary>
    private CudaKernel RecurrenceBackward(CudaLayer layer)
    {
        var sizes = new Sizes(layer, Kind, Gates);
        string steps = C.Int(sizes.Steps), units = C.Int(sizes.Units), gateRows = C.Int(sizes.GateRows), samples = C.Int(sizes.SamplesPerBlock);
        var isLstm = Kind == LayerKind.Lstm;
        var options = Options(layer.Plan);
        var body = new List<string> { "const int first = blockIdx.x * " + samples + ";" };
        body.AddRange(Arrays(layer, sizes, isLstm ? new[] { "dh", "dc" } : new[] { "dh" }, "gate"));
        body.Add("const float* __restrict__ w = " + layer.Parameters(TensorRoles.RecurrentWeight) + ";");
        body.Add("for (int e = threadIdx.x; e < " + C.Int(sizes.SamplesPerBlock * sizes.Units) + "; e += NG_THREADS)");
        body.Add("{");
        body.Add("    dh[e] = 0.0f;");
        if (isLstm)
        {
            body.Add("    dc[e] = 0.0f;");
        }

        body.Add("}");
        body.Add(string.Empty);
        body.Add("__syncthreads();");
        body.Add("for (int t = " + C.Int(sizes.Steps - 1) + "; t >= 0; --t)");
        body.Add("{");
        body.Add(options.Bptt > 0
            ? "    // Whether ∂L/∂hₜ₋₁ gets anything from step t: not at t = 0, nor where truncation to " + C.Int(options.Bptt) + " steps detaches the state."
            : "    // Whether ∂L/∂hₜ₋₁ gets anything from step t: everywhere but at t = 0.");
        body.Add("    const bool carries = t > 0" + (options.Bptt > 0 ? " && t % " + C.Int(options.Bptt) + " != 0" : string.Empty) + ";");
        body.Add("    // " + CellBackwardComment() + ", one (sample, unit) per thread.");
        body.Add("    for (int e = threadIdx.x; e < " + C.Int(sizes.SamplesPerBlock * sizes.Units) + "; e += NG_THREADS)");
        body.Add("    {");
        body.Add("        const int s = e / " + units + ", u = e % " + units + ", sample = first + s;");
        body.Add("        float* q = gate + s * " + gateRows + ";");
        body.Add("        if (sample >= batch)");
        body.Add("        {");
        for (var gate = 0; gate < Gates; gate++)
        {
            body.Add("            q[" + Row(gate, sizes, "u") + "] = 0.0f;");
        }

        body.Add("            continue;");
        body.Add("        }");
        body.Add(string.Empty);
        body.Add("        const long long row = (long long)sample * " + steps + " + t;");
        body.Add("        const float* __restrict__ state = " + layer.Buffer(RecurrentBuffers.States) + " + (long long)sample * " + C.Int(sizes.StateStride) + ";");
        body.Add("        const float d = dh[e] + " + (options.ReturnSequences
            ? layer.Delta + "[row * " + units + " + u]"
            : "(t == " + C.Int(sizes.Steps - 1) + " ? " + layer.Delta + "[(long long)sample * " + units + " + u] : 0.0f)") + ";");
        body.Add("        float* __restrict__ p = " + layer.Buffer(RecurrentBuffers.Projections) + " + row * " + gateRows + ";");
        body.AddRange(CellBackward(layer, sizes).Select(line => "        " + line));
        body.Add("    }");
        body.Add(string.Empty);
        body.Add("    __syncthreads();");
        body.Add("    if (carries)");
        body.Add("    {");
        body.Add("        // ∂L/∂hₜ₋₁ += Σ over the gate rows of δ·W_hh, one (sample, unit) per thread.");
        body.Add("        for (int e = threadIdx.x; e < " + C.Int(sizes.SamplesPerBlock * sizes.Units) + "; e += NG_THREADS)");
        body.Add("        {");
        body.Add("            const float* q = gate + e / " + units + " * " + gateRows + ";");
        body.Add("            const float* __restrict__ column = w + e % " + units + ";");
        body.Add("            float sum = dh[e];");
        body.Add("            for (int j = 0; j < " + gateRows + "; ++j)");
        body.Add("            {");
        body.Add("                sum = fmaf(q[j], column[j * " + units + "], sum);");
        body.Add("            }");
        body.Add(string.Empty);
        body.Add("            dh[e] = sum;");
        body.Add("        }");
        body.Add("    }");
        body.Add(string.Empty);
        body.Add("    __syncthreads();");
        body.Add("}");

        var parameters = new List<CudaParameter>
        {
            CudaParameter.Reads(layer.Delta), CudaParameter.Reads(layer.Buffer(RecurrentBuffers.Gates)), CudaParameter.Reads(layer.Buffer(RecurrentBuffers.States)),
            CudaParameter.Reads(CudaNames.Parameters), CudaParameter.Writes(layer.Buffer(RecurrentBuffers.Projections)),
        };
        if (Kind == LayerKind.Gru)
        {
            parameters.Add(CudaParameter.Writes(layer.Buffer(RecurrentBuffers.GateDeltas)));
        }

        if (!sizes.InSharedMemory)
        {
            parameters.Add(CudaParameter.Writes(layer.Buffer(Scratch)));
        }

        parameters.Add(CudaParameter.Batch);
        return new CudaKernel(
            Prefix + "_backward_" + layer.Id,
            layer.Plan.Name + ": backpropagation through time" + (options.Bptt > 0 ? ", truncated every " + C.Int(options.Bptt) + " steps" : string.Empty) +
            ", t = " + C.Int(sizes.Steps - 1) + " … 0 in one launch, " + samples + " sample" + (sizes.SamplesPerBlock == 1 ? string.Empty : "s") + " per block, " +
            Storage(sizes) + "; the gate deltas of every step over the projections" + (Kind == LayerKind.Gru ? " (input side) and into gate_deltas (recurrent side)" : string.Empty),
            parameters, string.Join("\n", body),
            CudaGrid.PerBatch(1, sizes.SamplesPerBlock), CudaGrid.Constant(1), CudaGrid.Constant(1));
    }

    /// <summary>∂L/∂b_ih and ∂L/∂b_hh: one block per gate row, each summing its column of the gate deltas over batch × T rows in double.</summary>
    private CudaKernel BiasGradient(CudaLayer layer)
    {
        var sizes = new Sizes(layer, Kind, Gates);
        var gateRows = C.Int(sizes.GateRows);
        var separate = Kind == LayerKind.Gru;
        var projections = layer.Buffer(RecurrentBuffers.Projections);
        var body = new List<string> { "double input = 0.0;" };
        if (separate)
        {
            body.Add("double recurrent = 0.0;");
        }

        body.Add("for (int r = threadIdx.x; r < batch * " + C.Int(sizes.Steps) + "; r += NG_THREADS)");
        body.Add("{");
        body.Add("    input += " + projections + "[(long long)r * " + gateRows + " + blockIdx.x];");
        if (separate)
        {
            body.Add("    recurrent += " + layer.Buffer(RecurrentBuffers.GateDeltas) + "[(long long)r * " + gateRows + " + blockIdx.x];");
        }

        body.Add("}");
        body.Add(string.Empty);
        body.Add("input = ng_block_sum(input);");
        if (separate)
        {
            body.Add("__syncthreads(); // every thread has read the first sum before the second overwrites it");
            body.Add("recurrent = ng_block_sum(recurrent);");
        }

        body.Add("if (threadIdx.x == 0)");
        body.Add("{");
        body.Add("    " + CudaNames.Gradients + "[" + C.Int(layer.Offset(TensorRoles.InputBias)) + " + blockIdx.x] = (float)input;");
        body.Add("    " + CudaNames.Gradients + "[" + C.Int(layer.Offset(TensorRoles.RecurrentBias)) + " + blockIdx.x] = (float)" + (separate ? "recurrent" : "input") + ";");
        body.Add("}");
        var parameters = new List<CudaParameter> { CudaParameter.Reads(projections) };
        if (separate)
        {
            parameters.Add(CudaParameter.Reads(layer.Buffer(RecurrentBuffers.GateDeltas)));
        }

        parameters.Add(CudaParameter.Writes(CudaNames.Gradients));
        parameters.Add(CudaParameter.Batch);
        return new CudaKernel(
            Prefix + "_bias_gradient_" + layer.Id,
            layer.Plan.Name + ": ∂L/∂b_ih = Σ δ (input side) and ∂L/∂b_hh = Σ δ (" + (separate ? "recurrent side" : "the same") +
            ") over the batch and steps, one block per gate row",
            parameters, string.Join("\n", body),
            CudaGrid.Constant(sizes.GateRows), CudaGrid.Constant(1), CudaGrid.Constant(1));
    }

    /// <summary>The C of the forward cell: from p (the projections at t), q (W_hh·hₜ₋₁ + b_hh) and the block's state at e, a = hₜ, the gates kept.</summary>
    private IEnumerable<string> CellForward(CudaLayer layer, Sizes sizes)
    {
        var gates = layer.Buffer(RecurrentBuffers.Gates);
        string units = C.Int(sizes.Units), kept = C.Int(4 * sizes.Units);
        switch (Kind)
        {
            case LayerKind.Lstm:
                yield return "const float ig = ng_sigmoid(p[u] + q[u]);";
                yield return "const float fg = ng_sigmoid(p[" + Row(1, sizes, "u") + "] + q[" + Row(1, sizes, "u") + "]);";
                yield return "const float gg = tanhf(p[" + Row(2, sizes, "u") + "] + q[" + Row(2, sizes, "u") + "]);";
                yield return "const float og = ng_sigmoid(p[" + Row(3, sizes, "u") + "] + q[" + Row(3, sizes, "u") + "]);";
                yield return "const float cell = fg * c[e] + ig * gg;";
                yield return "const float a = og * tanhf(cell);";
                yield return "float* __restrict__ g = " + gates + " + row * " + kept + ";";
                yield return "g[u] = ig;";
                yield return "g[" + Row(1, sizes, "u") + "] = fg;";
                yield return "g[" + Row(2, sizes, "u") + "] = gg;";
                yield return "g[" + Row(3, sizes, "u") + "] = og;";
                yield return "c[e] = cell;";
                yield return layer.Buffer(RecurrentBuffers.States) + "[(long long)sample * " + C.Int(sizes.StateStride) + " + " + C.Int(sizes.CellOffset) + " + (t + 1) * " +
                             units + " + u] = cell;";
                break;
            case LayerKind.Gru:
                yield return "const float r = ng_sigmoid(p[u] + q[u]);";
                yield return "const float z = ng_sigmoid(p[" + Row(1, sizes, "u") + "] + q[" + Row(1, sizes, "u") + "]);";
                yield return "const float hn = q[" + Row(2, sizes, "u") + "];";
                yield return "const float n = tanhf(p[" + Row(2, sizes, "u") + "] + r * hn);";
                yield return "const float a = (1.0f - z) * n + z * h[e];";
                yield return "float* __restrict__ g = " + gates + " + row * " + kept + ";";
                yield return "g[u] = r;";
                yield return "g[" + Row(1, sizes, "u") + "] = z;";
                yield return "g[" + Row(2, sizes, "u") + "] = n;";
                yield return "g[" + Row(3, sizes, "u") + "] = hn;";
                break;
            default:
                yield return "const float z = p[u] + q[u];";
                yield return "const float a = " + CellActivation(layer).CudaApply("z", Options(layer.Plan).Activation.AlphaOrZero) + ";";
                yield return gates + "[row * " + units + " + u] = z;";
                break;
        }
    }

    /// <summary>
    /// The C of the backward cell: from d = ∂L/∂hₜ, the gate deltas at t into p (input side) and q (recurrent side), and what
    /// the block carries to t − 1 besides Σ δ·W_hh: the LSTM's ∂L/∂cₜ₋₁ and the GRU's z∘∂L/∂hₜ.
    /// </summary>
    private IEnumerable<string> CellBackward(CudaLayer layer, Sizes sizes)
    {
        var gates = layer.Buffer(RecurrentBuffers.Gates);
        string units = C.Int(sizes.Units), kept = C.Int(4 * sizes.Units);
        switch (Kind)
        {
            case LayerKind.Lstm:
                yield return "const float* __restrict__ g = " + gates + " + row * " + kept + ";";
                yield return "const float ig = g[u], fg = g[" + Row(1, sizes, "u") + "], gg = g[" + Row(2, sizes, "u") + "], og = g[" + Row(3, sizes, "u") + "];";
                yield return "const float* __restrict__ cells = state + " + C.Int(sizes.CellOffset) + ";";
                yield return "const float tc = tanhf(cells[(t + 1) * " + units + " + u]);";
                yield return "const float dcell = dc[e] + d * og * (1.0f - tc * tc);";
                yield return "const float di = dcell * gg * ig * (1.0f - ig);";
                yield return "const float df = dcell * cells[t * " + units + " + u] * fg * (1.0f - fg);";
                yield return "const float dg = dcell * ig * (1.0f - gg * gg);";
                yield return "const float dout = d * tc * og * (1.0f - og);";
                foreach (var (gate, value) in new[] { (0, "di"), (1, "df"), (2, "dg"), (3, "dout") })
                {
                    yield return "p[" + Row(gate, sizes, "u") + "] = " + value + ";";
                    yield return "q[" + Row(gate, sizes, "u") + "] = " + value + ";";
                }

                yield return "dh[e] = 0.0f;";
                yield return "dc[e] = carries ? dcell * fg : 0.0f;";
                break;
            case LayerKind.Gru:
                var recurrent = layer.Buffer(RecurrentBuffers.GateDeltas) + "[row * " + C.Int(sizes.GateRows) + " + ";
                yield return "const float* __restrict__ g = " + gates + " + row * " + kept + ";";
                yield return "const float r = g[u], z = g[" + Row(1, sizes, "u") + "], n = g[" + Row(2, sizes, "u") + "], hn = g[" + Row(3, sizes, "u") + "];";
                yield return "const float dn = d * (1.0f - z) * (1.0f - n * n);";
                yield return "const float dz = d * (state[t * " + units + " + u] - n) * z * (1.0f - z);";
                yield return "const float dr = dn * hn * r * (1.0f - r);";
                yield return "p[u] = dr;";
                yield return "p[" + Row(1, sizes, "u") + "] = dz;";
                yield return "p[" + Row(2, sizes, "u") + "] = dn;";
                yield return "q[u] = dr;";
                yield return "q[" + Row(1, sizes, "u") + "] = dz;";
                yield return "q[" + Row(2, sizes, "u") + "] = dn * r;";
                yield return recurrent + "u] = dr;";
                yield return recurrent + Row(1, sizes, "u") + "] = dz;";
                yield return recurrent + Row(2, sizes, "u") + "] = dn * r;";
                yield return "dh[e] = carries ? d * z : 0.0f;";
                break;
            default:
                var activation = CellActivation(layer);
                yield return "const float dz = d * " +
                             activation.CudaDerivativeOf(gates + "[row * " + units + " + u]", "state[(t + 1) * " + units + " + u]", Options(layer.Plan).Activation.AlphaOrZero) + ";";
                yield return "p[u] = dz;";
                yield return "q[u] = dz;";
                yield return "dh[e] = 0.0f;";
                break;
        }
    }

    /// <summary>Declares the block's arrays: <paramref name="states"/> of H floats per sample and <paramref name="gate"/> of G·H, in shared memory or the scratch buffer.</summary>
    private static IEnumerable<string> Arrays(CudaLayer layer, Sizes sizes, IReadOnlyList<string> states, string gate)
    {
        var perState = sizes.SamplesPerBlock * sizes.Units;
        var perGate = sizes.SamplesPerBlock * sizes.GateRows;
        if (sizes.InSharedMemory)
        {
            foreach (var state in states)
            {
                yield return "__shared__ float " + state + "[" + C.Int(perState) + "];";
            }

            yield return "__shared__ float " + gate + "[" + C.Int(perGate) + "];";
            yield break;
        }

        yield return "// " + C.Int(sizes.BlockFloats * 4) + " bytes per sample would pass 48 KB of shared memory: the block's arrays live in global memory.";
        yield return "float* const block = " + layer.Buffer(Scratch) + " + (long long)blockIdx.x * " + C.Int(sizes.BlockFloats) + ";";
        for (var index = 0; index < states.Count; index++)
        {
            yield return "float* const " + states[index] + " = block + " + C.Int(index * perState) + ";";
        }

        yield return "float* const " + gate + " = block + " + C.Int(states.Count * perState) + ";";
    }

    /// <summary>The index of gate block <paramref name="gate"/>'s row for unit <paramref name="unit"/>, as C.</summary>
    private static string Row(int gate, Sizes sizes, string unit) => gate == 0 ? unit : C.Int(gate * sizes.Units) + " + " + unit;

    private static string Storage(Sizes sizes) => sizes.InSharedMemory
        ? C.Int(sizes.BlockFloats * sizes.SamplesPerBlock * 4) + " B of shared memory"
        : "its arrays in global memory";

    private string CellName() => Kind switch
    {
        LayerKind.Lstm => "LSTM",
        LayerKind.Gru => "GRU",
        _ => "Elman cell",
    };

    private string CellComment(CudaLayer layer) => Kind switch
    {
        LayerKind.Lstm => "i, f, o = σ, g = tanh, cₜ = f∘cₜ₋₁ + i∘g, hₜ = o∘tanh(cₜ)",
        LayerKind.Gru => "r, z = σ, n = tanh(x_n + r∘(W_hn·hₜ₋₁" + (layer.Plan.Tensor(TensorRoles.RecurrentBias) is not null ? " + b_hn" : string.Empty) +
                         ")), hₜ = (1 − z)∘n + z∘hₜ₋₁",
        _ => "hₜ = " + Options(layer.Plan).Activation.Kind + "(z), z the projection plus the recurrent term",
    };

    private string CellBackwardComment() => Kind switch
    {
        LayerKind.Lstm => "δ of i, f, g, o and ∂L/∂cₜ₋₁ = (∂L/∂cₜ + ∂L/∂hₜ∘o∘tanh'(cₜ))∘f",
        LayerKind.Gru => "δ of r, z, n, the recurrent side of n times r, and z∘∂L/∂hₜ toward hₜ₋₁",
        _ => "δ = ∂L/∂hₜ∘f'(z)",
    };

    private static ActivationEntry CellActivation(CudaLayer layer) => ActivationCatalog.For(Options(layer.Plan).Activation.Kind);

    /// <summary>A recurrent layer's sizes as its kernels use them, and how its recurrence kernels lay out their per-block arrays.</summary>
    private readonly struct Sizes
    {
        public Sizes(CudaLayer layer, LayerKind kind, int gates)
        {
            var input = layer.Plan.InputShape;
            Steps = input.Steps;
            Features = input.Features;
            Units = Options(layer.Plan).Units;
            GateRows = gates * Units;
            var stateSets = kind == LayerKind.Lstm ? 2 : 1;
            StateStride = stateSets * (Steps + 1) * Units;
            CellOffset = (Steps + 1) * Units;
            BlockFloats = stateSets * Units + GateRows;
            var samples = System.Math.Max(1, System.Math.Min(16, CudaKernel.Threads / GateRows));
            while (samples > 1 && (long)samples * BlockFloats * 4 > SharedMemoryBytes)
            {
                samples--;
            }

            SamplesPerBlock = samples;
            InSharedMemory = (long)BlockFloats * 4 <= SharedMemoryBytes;
        }

        /// <summary>T.</summary>
        public int Steps { get; }

        /// <summary>F.</summary>
        public int Features { get; }

        /// <summary>H.</summary>
        public int Units { get; }

        /// <summary>G·H.</summary>
        public int GateRows { get; }

        /// <summary>Floats of one sample's states: (T+1)·H, twice for the LSTM (hidden, then cell states).</summary>
        public int StateStride { get; }

        /// <summary>Where the LSTM's cell states start in a sample's states.</summary>
        public int CellOffset { get; }

        /// <summary>Floats of one sample's arrays in a recurrence kernel: h (and c) or their deltas, and the G·H gate values.</summary>
        public int BlockFloats { get; }

        /// <summary>Samples one block of a recurrence kernel steps through.</summary>
        public int SamplesPerBlock { get; }

        /// <summary>Whether the per-block arrays fit in static shared memory.</summary>
        public bool InSharedMemory { get; }
    }
}
