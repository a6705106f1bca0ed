using System.Collections.Generic;
using NetGen.Generator.Emit.Cuda;

namespace NetGen.Generator.Layers.Recurrent;

/// <summary>The recurrent layer's CUDA kernels (placeholder until the kernels land).</summary>
internal sealed partial class RecurrentLayer
{
    public override IEnumerable<CudaKernel> ForwardKernels(CudaLayer layer) => [];

    public override IEnumerable<CudaKernel> ParameterGradientKernels(CudaLayer layer) => [];

    public override CudaKernel InputGradientKernel(CudaLayer layer, CudaLayer below) =>
        CudaKernel.Elementwise("recurrent_input_gradient_" + layer.Id, "placeholder", [CudaParameter.Batch], 1, "return;");
}
