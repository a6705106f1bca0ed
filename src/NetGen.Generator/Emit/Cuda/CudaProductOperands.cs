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
internal sealed record CudaProductOperands(string Weights, string? WeightBuffer, string Output, string Delta, int Rows)
{
    public static CudaProductOperands Of(CudaLayer layer) => new(layer.Parameters(TensorRoles.Weight), null, layer.Output, layer.Delta, layer.Channels);
}
