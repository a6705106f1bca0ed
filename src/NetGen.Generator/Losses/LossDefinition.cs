using System.Collections.Generic;
using NetGen.Generator.Emit.Cuda;
using NetGen.Generator.Model;

namespace NetGen.Generator.Losses;

/// <summary>
/// One loss: which output layers it fits, what its gradient is taken with respect to, how accuracy is counted, its C#
/// kernel call and its CUDA per-element code. The loss reduces in double on both sides; the caller scales by the reduction.
/// </summary>
internal abstract class LossDefinition
{
    public abstract LossKind Kind { get; }

    /// <summary>True when the loss writes ∂L/∂z itself (it applies the output's activation), so the output layer's activation backward is skipped.</summary>
    public abstract bool GradientIsWithRespectToZ { get; }

    /// <summary>NG0011's reason when the output layer (its activation, its number of outputs) does not fit, or null when it does.</summary>
    public abstract string? OutputProblem(ActivationKind activation, int outputs);

    /// <summary>How predictions are scored: the class of the largest output for several outputs, a 0.5 threshold for one probability.</summary>
    public virtual AccuracyKind Accuracy(ActivationKind activation, int outputs) =>
        outputs > 1 ? AccuracyKind.ArgMax : activation == ActivationKind.Sigmoid ? AccuracyKind.Threshold : AccuracyKind.None;

    /// <summary>
    /// The runtime call returning the batch's summed loss, as C#. <paramref name="outputs"/> and <paramref name="preActivations"/>
    /// are spans over the output layer's a and z; <c>targets</c>, <c>gradient</c>, <c>scale</c> and <c>batchSize</c> are in scope.
    /// </summary>
    public abstract string CpuCall(string outputs, string preActivations);

    /// <summary>The CUDA loss kernel's name.</summary>
    public abstract string CudaName { get; }

    /// <summary>The formula, for the kernel's comment.</summary>
    public abstract string Formula { get; }

    /// <summary>The buffers of the output layer the CUDA code reads (before targets), and the code that adds each sample's loss to <c>sum</c> and writes δ.</summary>
    public abstract (IReadOnlyList<CudaParameter> Reads, string Body) CudaSumAndGradient(CudaLayer output);
}
