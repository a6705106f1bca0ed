using System.Collections.Generic;
using System.Linq;
using System.Text;
using NetGen.Generator.Activations;
using NetGen.Generator.Layers;
using NetGen.Generator.Model;

namespace NetGen.Generator.Emit.Cuda;

/// <summary>A device buffer of the program (mirrors NetGen.Cuda.CudaBuffer).</summary>
internal sealed record CudaBufferSpec(string Name, string ElementType, long Fixed, long PerSample, long Maximum = long.MaxValue);

/// <summary>A network's CUDA program before it is written out: its kernels pass by pass, and its buffers.</summary>
internal sealed record CudaProgramSpec(
    IReadOnlyList<CudaKernel> Forward,
    IReadOnlyList<CudaKernel> Loss,
    IReadOnlyList<CudaKernel> Backward,
    IReadOnlyList<CudaKernel> ClipNorm,
    IReadOnlyList<(string Rule, CudaKernel Kernel)> OptimizerSteps,
    IReadOnlyList<CudaBufferSpec> Buffers,
    string OutputBuffer,
    string Source);

/// <summary>
/// Builds a network's CUDA translation unit from the same plan as the C# passes: forward, loss, backward and the
/// optimizer kernels, every shape a constant and only the batch size left to the launch.
/// </summary>
internal static class CudaEmitter
{
    public static CudaProgramSpec Build(NetworkPlan plan)
    {
        var layers = Layers(plan);
        var output = layers[layers.Count - 1];
        var forward = layers.SelectMany(layer => layer.Descriptor.ForwardKernels(layer).Concat(ActivationPasses.ForwardKernels(layer))).ToList();
        var loss = new List<CudaKernel> { CudaLossKernel.For(plan, output) };
        var backward = Backward(layers).ToList();
        var clipNorm = CudaOptimizerKernels.ClipNorm(plan.ParameterCount);
        var steps = CudaOptimizerKernels.Steps(plan.ParameterCount);
        var buffers = Buffers(plan, layers);
        var source = Source(plan, forward, loss, backward, clipNorm.Concat(steps.Select(step => step.Kernel)));
        return new CudaProgramSpec(forward, loss, backward, clipNorm, steps, buffers, output.Output, source);
    }

    private static List<CudaLayer> Layers(NetworkPlan plan)
    {
        var layers = new List<CudaLayer>();
        for (var index = 0; index < plan.Layers.Count; index++)
        {
            if (LayerCatalog.ComputeFor(plan.Layers[index]) is { } descriptor)
            {
                var below = layers.Count == 0 ? null : layers[layers.Count - 1];
                layers.Add(new CudaLayer(plan.Layers[index], descriptor, layers.Count, index, below?.Output ?? CudaNames.Inputs, below));
            }
        }

        return layers;
    }

    /// <summary>From the output down to the first layer with parameters: activation backward where it needs its own kernel, parameter gradients, δ below.</summary>
    private static IEnumerable<CudaKernel> Backward(List<CudaLayer> layers)
    {
        var firstTrainable = layers.First(layer => layer.Plan.ParameterCount > 0);
        for (var index = layers.Count - 1; index >= 0; index--)
        {
            var layer = layers[index];
            foreach (var kernel in ActivationPasses.BackwardKernels(layer).Concat(layer.Descriptor.ParameterGradientKernels(layer)))
            {
                yield return kernel;
            }

            if (layer == firstTrainable)
            {
                yield break;
            }

            yield return layer.Descriptor.InputGradientKernel(layer, layer.Below!);
        }
    }

    private static List<CudaBufferSpec> Buffers(NetworkPlan plan, List<CudaLayer> layers)
    {
        var parameters = plan.ParameterCount;
        var buffers = new List<CudaBufferSpec>
        {
            new(CudaNames.Inputs, "float", 0, plan.InputSize),
            new(CudaNames.Targets, "float", 0, plan.OutputSize),
            new(CudaNames.Parameters, "float", parameters, 0),
            new(CudaNames.Gradients, "float", parameters, 0),
            new(CudaNames.State, "float", plan.StateCount, 0),
            new(CudaNames.FirstOptimizerState, "float", parameters, 0),
            new(CudaNames.SecondOptimizerState, "float", parameters, 0),
            new(CudaNames.NormPartials, "double", CudaOptimizerKernels.NormBlocks(parameters), 0),
            new(CudaNames.NormBlocksDone, "int", 1, 0),
            new(CudaNames.ClipScale, "float", 1, 0),
            new(CudaNames.FirstNonFinite, "int", 2, 0), // what was not finite, then the gradient's bits
            new(CudaNames.Loss, "float", 1, 0),
        };
        foreach (var layer in layers)
        {
            foreach (var buffer in layer.Plan.Buffers)
            {
                buffers.Add(new CudaBufferSpec(layer.Buffer(buffer.Role), buffer.Element == BufferElement.Int ? "int" : "float", buffer.Fixed, buffer.PerSample));
            }

            buffers.AddRange(layer.Descriptor.ScratchBuffers(layer));
        }

        return buffers;
    }

    private static string Source(
        NetworkPlan plan, IEnumerable<CudaKernel> forward, IEnumerable<CudaKernel> loss, IEnumerable<CudaKernel> backward, IEnumerable<CudaKernel> optimizers)
    {
        var source = new StringBuilder();
        source.Append("// Generated by NetGen from the attributes of ").Append(plan.Network.FullName).Append(". Do not edit.\n");
        source.Append("// Every shape is a constant; the batch size is the only run-time size.\n");
        foreach (var line in SummaryBuilder.Build(plan).Split('\n'))
        {
            source.Append("//   ").Append(line).Append('\n');
        }

        source.Append("#define NG_PARAMETER_COUNT ").Append(C.Int(plan.ParameterCount)).Append('\n');
        source.Append("#define NG_NORM_BLOCKS ").Append(C.Int(CudaOptimizerKernels.NormBlocks(plan.ParameterCount))).Append("\n\n");
        source.Append(CudaPrelude.Text).Append('\n');
        Section(source, "Forward", forward);
        Section(source, "Loss", loss);
        Section(source, "Backward", backward);
        Section(source, "Optimizers", optimizers);
        return source.ToString();
    }

    private static void Section(StringBuilder source, string title, IEnumerable<CudaKernel> kernels)
    {
        source.Append("\n// ---- ").Append(title).Append(" ----\n");
        foreach (var kernel in kernels)
        {
            kernel.WriteSource(source);
        }
    }
}
