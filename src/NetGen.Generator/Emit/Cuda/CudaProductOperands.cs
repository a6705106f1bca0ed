using NetGen.Generator.Model;

namespace NetGen.Generator.Emit.Cuda;

/// <summary>
/// What a layer's products multiply and write. A dense or convolution layer's are <see cref="Of"/>: the weights in the
/// parameter buffer, its output a, its δ and one row of W per unit or filter. DropConnect reads its masked copy of the
/// weights instead; maxout writes and differentiates the linear pieces, units × pieces rows, before their maximum.
/// </summary>
/// <param name="Weights">A C pointer to the weights the products read, shaped [Rows, depth].</param>
/// <param name="WeightBuffer">The device buffer <paramref name="Weights"/> points into when it is not the parameter buffer.</param>
/// <param name="Output">The buffer the forward product writes f(x·Wᵀ + b) into.</param>
/// <param name="Delta">The buffer of ∂L/∂(x·Wᵀ + b) the gradient products start from.</param>
/// <param name="Rows">Rows of W: the product's columns forward, the rows of ∂L/∂W backward.</param>
/// <param name="ChannelMajor">
/// Whether a sample's output and δ hold its <paramref name="Rows"/> channels one after the other, each over all positions
/// (a convolution's NCHW), rather than one row of <paramref name="Rows"/> values per position or step (a dense layer, per step
/// or not). It matters only where a sample has more than one row.
/// </param>
internal sealed record CudaProductOperands(string Weights, string? WeightBuffer, string Output, string Delta, int Rows, bool ChannelMajor = false)
{
    public static CudaProductOperands Of(CudaLayer layer) =>
        new(layer.Parameters(TensorRoles.Weight), null, layer.Output, layer.Delta, layer.Channels, ChannelMajor: layer.Plan.OutputShape.IsSpatial);
}

/// <summary>
/// One weight gradient as split products: ∂L/∂W of tensor <paramref name="WeightRole"/> = Σ over samples × rows per sample
/// of δᵀ·x, lhs(m, k) reading <paramref name="Delta"/> (m a row of W, k a reduction row) and rhs(k, n) reading
/// <paramref name="Source"/> (n a column of W).
/// </summary>
/// <param name="WeightRole">The tensor whose gradient it is.</param>
/// <param name="Label">How the comments name the gradient ("∂L/∂W").</param>
/// <param name="Delta">The buffer of δ the product reads as "delta".</param>
/// <param name="Source">The buffer of x the product reads as "in".</param>
/// <param name="Input">How the comments name x.</param>
/// <param name="Outputs">Rows of W.</param>
/// <param name="Partials">The split partial sums' buffer (see <see cref="CudaProductKernels.WeightGradientPartials(string, long, int)"/>).</param>
/// <param name="Name">The product's kernel.</param>
/// <param name="SumName">The kernel summing the splits into the gradient buffer.</param>
/// <param name="Lhs">lhs(m, k) as C.</param>
/// <param name="Rhs">rhs(k, n) as C.</param>
/// <param name="RowsPerSample">Reduction rows per sample.</param>
internal sealed record CudaWeightGradient(
    string WeightRole, string Label, string Delta, string Source, string Input, int Outputs, string Partials, string Name, string SumName, string Lhs,
    string Rhs, int RowsPerSample);
