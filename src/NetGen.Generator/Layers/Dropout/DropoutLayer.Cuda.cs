using System.Collections.Generic;
using NetGen.Generator.Emit.Cuda;

namespace NetGen.Generator.Layers.Dropout;

/// <summary>Dropout's CUDA kernels, one thread per value: the mask is drawn from ng_uniform in both passes, as on the CPU.</summary>
internal sealed partial class DropoutLayer
{
    public override IEnumerable<CudaKernel> ForwardKernels(CudaLayer layer)
    {
        var options = Options(layer.Plan);
        var body =
            "const int i = blockIdx.x * NG_THREADS + threadIdx.x;\n" +
            "if (i >= batch * " + C.Int(layer.Plan.OutputSize) + ")\n{\n    return;\n}\n\n" +
            "const float x = " + layer.Source + "[i];\n" +
            layer.Output + "[i] = !training ? x : " + DropMask.CudaDropped(layer, "i", options.Rate) + " ? 0.0f : x * " + C.Float(options.Scale) + ";";
        yield return CudaKernel.Elementwise(
            "dropout_forward_" + layer.Id,
            layer.Plan.Name + ": in training a = 0 with probability " + C.Float(options.Rate) + ", else x / (1 − rate); in inference a = x",
            new[] { CudaParameter.Reads(layer.Source), CudaParameter.Writes(layer.Output), CudaParameter.Training, CudaParameter.RandomSeed, CudaParameter.TrainingStep, CudaParameter.Batch },
            layer.Plan.OutputSize, body);
    }

    public override IEnumerable<CudaKernel> ParameterGradientKernels(CudaLayer layer) => [];

    public override CudaKernel InputGradientKernel(CudaLayer layer, CudaLayer below)
    {
        var options = Options(layer.Plan);
        var body =
            "const int i = blockIdx.x * NG_THREADS + threadIdx.x;\n" +
            "if (i >= batch * " + C.Int(layer.Plan.OutputSize) + ")\n{\n    return;\n}\n\n" +
            "const float value = " + DropMask.CudaDropped(layer, "i", options.Rate) + " ? 0.0f : " + layer.Delta + "[i] * " + C.Float(options.Scale) + ";\n" +
            string.Join("\n", CudaBelow.Store(below, "i", "value", below.PreActivation, below.Output, below.Delta));
        var parameters = new List<CudaParameter> { CudaParameter.Reads(layer.Delta) };
        CudaBelow.AddMembers(below, new List<string>(), new List<string>(), parameters);
        parameters.Add(CudaParameter.RandomSeed);
        parameters.Add(CudaParameter.TrainingStep);
        parameters.Add(CudaParameter.Batch);
        return CudaKernel.Elementwise(
            "dropout_input_gradient_" + layer.Id,
            layer.Plan.Name + ": δ below = δ / (1 − rate) where the value was kept, 0 where dropped (the mask drawn again)" + CudaBelow.DerivativeNote(below),
            parameters, layer.Plan.OutputSize, body);
    }
}
