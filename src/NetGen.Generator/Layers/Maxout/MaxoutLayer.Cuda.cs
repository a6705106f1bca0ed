using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Emit.Cuda;
using NetGen.Generator.Model;

namespace NetGen.Generator.Layers.Maxout;

/// <summary>
/// Maxout's CUDA kernels: the dense product into the pieces (bias in its epilogue), the maximum over each unit's pieces
/// one thread per output, δ routed to the winning pieces one thread per piece, then the dense backward products on them.
/// </summary>
internal sealed partial class MaxoutLayer
{
    public override IEnumerable<CudaKernel> ForwardKernels(CudaLayer layer)
    {
        var plan = layer.Plan;
        var options = Options(plan);
        var inputs = C.Int(plan.InputSize);
        var rows = C.Int(options.Rows);
        yield return CudaProductKernels.ForwardWithEpilogue(
            layer,
            "maxout_pieces_" + layer.Id,
            plan.Name + ": z = x·Wᵀ" + (plan.Tensor(TensorRoles.Bias) is not null ? " + b" : string.Empty) + ", every piece of every unit; [batch, " +
            inputs + "] → [batch, " + rows + "]",
            "return in[m * " + inputs + " + k];",
            "return weight[n * " + inputs + " + k];",
            "m * " + rows + " + n",
            rowsPerSample: 1,
            depth: plan.InputSize,
            Operands(layer));
        yield return Maximum(layer);
    }

    /// <summary>δ routed to the winning pieces first (every kernel after it reads the pieces' δ), then ∂L/∂W and ∂L/∂b from it.</summary>
    public override IEnumerable<CudaKernel> ParameterGradientKernels(CudaLayer layer) =>
        new[] { PiecesGradient(layer) }.Concat(CudaProductKernels.ParameterGradients(
            layer, "maxout",
            "return delta[k * " + C.Int(Options(layer.Plan).Rows) + " + m];",
            "return in[k * " + C.Int(layer.Plan.InputSize) + " + n];",
            input: "x", rowsPerSample: 1, Operands(layer)));

    public override CudaKernel InputGradientKernel(CudaLayer layer, CudaLayer below)
    {
        var inputs = layer.Plan.InputSize;
        var rows = Options(layer.Plan).Rows;
        return CudaProductKernels.InputGradient(
            layer, below, "maxout_input_gradient_" + layer.Id,
            layer.Plan.Name + ": δ below = (δ of the pieces)·W" + CudaBelow.DerivativeNote(below),
            "return delta[m * " + C.Int(rows) + " + k];",
            "return weight[k * " + C.Int(inputs) + " + n];",
            "m * " + C.Int(inputs) + " + n",
            rowsPerSample: 1, columns: inputs, depth: rows, Operands(layer));
    }

    public override IEnumerable<CudaBufferSpec> ScratchBuffers(CudaLayer layer) => [CudaProductKernels.WeightGradientPartials(layer, rowsPerSample: 1)];

    /// <summary>The products write and differentiate the pieces, units × pieces per sample, rather than the layer's output.</summary>
    private static CudaProductOperands Operands(CudaLayer layer) =>
        CudaProductOperands.Of(layer) with { Output = layer.Buffer(Pieces), Delta = layer.Buffer(PiecesDelta), Rows = Options(layer.Plan).Rows };

    private static CudaKernel Maximum(CudaLayer layer)
    {
        var options = Options(layer.Plan);
        var body =
            "const int i = blockIdx.x * NG_THREADS + threadIdx.x;\n" +
            "if (i >= batch * " + C.Int(options.Units) + ")\n{\n    return;\n}\n\n" +
            "const float* z = " + layer.Buffer(Pieces) + " + i * " + C.Int(options.Pieces) + ";\n" +
            "int best = 0;\n" +
            "float max = z[0];\n" +
            "for (int k = 1; k < " + C.Int(options.Pieces) + "; ++k)\n{\n" +
            "    const float value = z[k];\n" +
            "    if (value > max || isnan(value))\n    {\n        max = value;\n        best = k;\n    }\n" +
            "}\n\n" +
            layer.Output + "[i] = max;\n" +
            layer.Buffer(ArgMax) + "[i] = best;";
        return CudaKernel.Elementwise(
            "maxout_max_" + layer.Id,
            layer.Plan.Name + ": a = the maximum of each unit's " + C.Int(options.Pieces) + " pieces, one thread per unit; the first maximum wins, NaN wins over numbers",
            new[] { CudaParameter.Reads(layer.Buffer(Pieces)), CudaParameter.Writes(layer.Output), CudaParameter.Writes(layer.Buffer(ArgMax), "int"), CudaParameter.Batch },
            options.Units, body);
    }

    private static CudaKernel PiecesGradient(CudaLayer layer)
    {
        var options = Options(layer.Plan);
        var body =
            "const int r = blockIdx.x * NG_THREADS + threadIdx.x;\n" +
            "if (r >= batch * " + C.Int(options.Rows) + ")\n{\n    return;\n}\n\n" +
            "const int i = r / " + C.Int(options.Pieces) + ";\n" +
            layer.Buffer(PiecesDelta) + "[r] = " + layer.Buffer(ArgMax) + "[i] == r % " + C.Int(options.Pieces) + " ? " + layer.Delta + "[i] : 0.0f;";
        return CudaKernel.Elementwise(
            "maxout_pieces_gradient_" + layer.Id,
            layer.Plan.Name + ": δ of each piece = δ of its unit where the piece won, 0 elsewhere; one thread per piece",
            new[] { CudaParameter.Reads(layer.Delta), CudaParameter.Reads(layer.Buffer(ArgMax), "int"), CudaParameter.Writes(layer.Buffer(PiecesDelta)), CudaParameter.Batch },
            options.Rows, body);
    }
}
