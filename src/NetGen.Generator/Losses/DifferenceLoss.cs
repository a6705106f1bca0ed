using System.Collections.Generic;
using NetGen.Generator.Emit;
using NetGen.Generator.Emit.Cuda;
using NetGen.Generator.Model;

namespace NetGen.Generator.Losses;

/// <summary>
/// A loss of the difference a − t element by element (squared or absolute error): it fits any output, and its gradient is
/// with respect to a, so an element-wise output activation's derivative is fused into the loss kernel.
/// </summary>
internal abstract class DifferenceLoss : LossDefinition
{
    public override bool GradientIsWithRespectToZ => false;

    public override string? OutputProblem(ActivationKind activation, int outputs) => null;

    /// <summary>The element's loss as a C double expression of the float <c>difference</c>.</summary>
    protected abstract string CudaTerm { get; }

    /// <summary>∂(element's loss)/∂a as a C float expression of <c>difference</c> and <c>scale</c>.</summary>
    protected abstract string CudaGradient { get; }

    public override (IReadOnlyList<CudaParameter> Reads, string Body) CudaSumAndGradient(CudaLayer output)
    {
        var fused = output.Activation.HasElementwiseDerivative;
        var reads = new List<CudaParameter> { CudaParameter.Reads(output.Output) };
        if (fused)
        {
            reads.Add(CudaParameter.Reads(output.PreActivation));
        }

        var body =
            "for (int i = threadIdx.x; i < batch * " + C.Int(output.Plan.OutputSize) + "; i += NG_THREADS)\n{\n" +
            "    const float difference = " + output.Output + "[i] - targets[i];\n" +
            "    sum += " + CudaTerm + ";\n" +
            "    const float gradient = " + CudaGradient + ";\n" +
            "    " + output.Delta + "[i] = " +
            (fused ? "gradient * " + output.Derivative(output.PreActivation + "[i]", output.Output + "[i]") : "gradient") + ";\n" +
            "}";
        return (reads, body);
    }
}

/// <summary>½ Σ (a − t)² per sample, with the ½ of the lecture notes so that the gradient is a − t.</summary>
internal sealed class SquaredErrorLoss : DifferenceLoss
{
    public override LossKind Kind => LossKind.MeanSquaredError;

    public override string CpuCall(string outputs, string preActivations) =>
        RuntimeTypes.Internal + "LossKernels.SquaredError(" + outputs + ", targets, gradient, scale)";

    public override string CudaName => "squared_error_loss";

    public override string Formula => "½ Σ (a − t)², δ = a − t";

    protected override string CudaTerm => "0.5 * (double)difference * difference";

    protected override string CudaGradient => "scale * difference";
}

/// <summary>Σ |a − t| per sample.</summary>
internal sealed class AbsoluteErrorLoss : DifferenceLoss
{
    public override LossKind Kind => LossKind.MeanAbsoluteError;

    public override string CpuCall(string outputs, string preActivations) =>
        RuntimeTypes.Internal + "LossKernels.AbsoluteError(" + outputs + ", targets, gradient, scale)";

    public override string CudaName => "absolute_error_loss";

    public override string Formula => "Σ |a − t|, δ = sign(a − t)";

    protected override string CudaTerm => "fabs((double)difference)";

    protected override string CudaGradient => "scale * (difference > 0.0f ? 1.0f : (difference < 0.0f ? -1.0f : 0.0f))";
}
