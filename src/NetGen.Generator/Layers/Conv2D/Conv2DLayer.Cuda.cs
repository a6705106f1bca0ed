using System.Collections.Generic;
using NetGen.Generator.Emit.Cuda;

namespace NetGen.Generator.Layers.Conv2D;

/// <summary>
/// The convolution's CUDA kernels, all on the tiled product with implicit im2col (no unfolded copy of the input): the
/// forward product with bias and activation fused, δᵀ·im2col(x) for ∂L/∂W, and the transposed convolution for δ below.
/// </summary>
internal sealed partial class Conv2DLayer
{
    public override IEnumerable<CudaKernel> ForwardKernels(CudaLayer layer)
    {
        var plan = layer.Plan;
        var options = Options(plan);
        var positions = layer.Positions;
        var depth = plan.InputShape.Channels * options.Kernel * options.Kernel;
        yield return CudaProductKernels.ForwardWithEpilogue(
            layer,
            "conv2d_forward_" + layer.Id,
            plan.Name + ": implicit-im2col convolution " + Describe(plan) + ", bias and activation fused",
            Im2Col(layer, "m", "k"),
            "return weight[n * " + C.Int(depth) + " + k];",
            "(m / " + C.Int(positions) + " * " + C.Int(layer.Channels) + " + n) * " + C.Int(positions) + " + m % " + C.Int(positions),
            rowsPerSample: positions,
            depth: depth);
    }

    public override IEnumerable<CudaKernel> ParameterGradientKernels(CudaLayer layer)
    {
        var rows = layer.Positions;
        return CudaProductKernels.ParameterGradients(
            layer, "conv2d",
            "return delta[(k / " + C.Int(rows) + " * " + C.Int(layer.Channels) + " + m) * " + C.Int(rows) + " + k % " + C.Int(rows) + "];",
            Im2Col(layer, "k", "n"),
            input: "im2col(x)", rowsPerSample: rows);
    }

    public override CudaKernel InputGradientKernel(CudaLayer layer, CudaLayer below)
    {
        var plan = layer.Plan;
        var options = Options(plan);
        int channels = plan.InputShape.Channels, height = plan.InputShape.Height, width = plan.InputShape.Width;
        int outputHeight = plan.OutputShape.Height, outputWidth = plan.OutputShape.Width;
        int window = options.Kernel, area = window * window;
        var lhs =
            "const int image = m / " + C.Int(height * width) + ", cell = m % " + C.Int(height * width) + ";\n" +
            "const int f = k / " + C.Int(area) + ", r = k % " + C.Int(area) + ";\n" +
            "const int y = cell / " + C.Int(width) + " + " + C.Int(options.Padding) + " - r / " + C.Int(window) + ";\n" +
            "const int x = cell % " + C.Int(width) + " + " + C.Int(options.Padding) + " - r % " + C.Int(window) + ";\n" +
            "if (y < 0 || x < 0 || y % " + C.Int(options.Stride) + " != 0 || x % " + C.Int(options.Stride) + " != 0)\n{\n    return 0.0f;\n}\n\n" +
            "const int oy = y / " + C.Int(options.Stride) + ", ox = x / " + C.Int(options.Stride) + ";\n" +
            "return oy < " + C.Int(outputHeight) + " && ox < " + C.Int(outputWidth) + " ? delta[((image * " + C.Int(layer.Channels) + " + f) * " +
            C.Int(outputHeight) + " + oy) * " + C.Int(outputWidth) + " + ox] : 0.0f;";
        var rhs = "return weight[(k / " + C.Int(area) + " * " + C.Int(channels) + " + n) * " + C.Int(area) + " + k % " + C.Int(area) + "];";
        return CudaProductKernels.InputGradient(
            layer, below, "conv2d_input_gradient_" + layer.Id,
            plan.Name + ": δ below = transposed convolution of δ with W" + CudaBelow.DerivativeNote(below),
            lhs, rhs,
            "(m / " + C.Int(height * width) + " * " + C.Int(channels) + " + n) * " + C.Int(height * width) + " + m % " + C.Int(height * width),
            rowsPerSample: height * width, columns: channels, depth: layer.Channels * area);
    }

    public override IEnumerable<CudaBufferSpec> ScratchBuffers(CudaLayer layer) => [CudaProductKernels.WeightGradientPartials(layer, layer.Positions)];

    /// <summary>im2col(x) at reduction row <paramref name="row"/> (sample × position) and column <paramref name="column"/> (channel × kernel cell), as a C return statement.</summary>
    private static string Im2Col(CudaLayer layer, string row, string column)
    {
        var plan = layer.Plan;
        var options = Options(plan);
        int channels = plan.InputShape.Channels, height = plan.InputShape.Height, width = plan.InputShape.Width;
        var window = options.Kernel;
        var outputWidth = plan.OutputShape.Width;
        var positions = layer.Positions;
        return
            "const int image = " + row + " / " + C.Int(positions) + ", position = " + row + " % " + C.Int(positions) + ";\n" +
            "const int c = " + column + " / " + C.Int(window * window) + ", r = " + column + " % " + C.Int(window * window) + ";\n" +
            "const int y = (position / " + C.Int(outputWidth) + ") * " + C.Int(options.Stride) + " - " + C.Int(options.Padding) + " + r / " + C.Int(window) + ";\n" +
            "const int x = (position % " + C.Int(outputWidth) + ") * " + C.Int(options.Stride) + " - " + C.Int(options.Padding) + " + r % " + C.Int(window) + ";\n" +
            "return y >= 0 && y < " + C.Int(height) + " && x >= 0 && x < " + C.Int(width) + " ? in[((image * " + C.Int(channels) + " + c) * " +
            C.Int(height) + " + y) * " + C.Int(width) + " + x] : 0.0f;";
    }
}
