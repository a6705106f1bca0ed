using System.Collections.Generic;
using NetGen.Generator.Emit;
using NetGen.Generator.Emit.Cuda;
using NetGen.Generator.Model;

namespace NetGen.Generator.Losses;

/// <summary>
/// Rosenblatt's perceptron criterion on a binary-step output: Σ |t − a| per sample (the misclassified outputs). Its δ = a − t
/// is with respect to z, passed straight through the step whose derivative is 0, so that SGD with batch 1 and rate η is
/// w ← w + η(t − a)x, as softmax cross-entropy's δ = a − t skips the softmax.
/// </summary>
internal sealed class PerceptronLoss : LossDefinition
{
    public override LossKind Kind => LossKind.Perceptron;

    public override bool GradientIsWithRespectToZ => true;

    public override string? OutputProblem(ActivationKind activation, int outputs) =>
        activation != ActivationKind.BinaryStep ? "the perceptron's rule needs a binary-step output: use Activation = Activation.BinaryStep" : null;

    public override AccuracyKind Accuracy(ActivationKind activation, int outputs) => outputs > 1 ? AccuracyKind.ArgMax : AccuracyKind.Threshold;

    public override string CpuCall(string outputs, string preActivations) =>
        RuntimeTypes.Internal + "LossKernels.Perceptron(" + outputs + ", targets, gradient, scale)";

    public override string CudaName => "perceptron_loss";

    public override string Formula => "Σ |t − a| on a binary-step output, δ = a − t through the step";

    public override (IReadOnlyList<CudaParameter> Reads, string Body) CudaSumAndGradient(CudaLayer output) =>
        (new[] { CudaParameter.Reads(output.Output) },
         "for (int i = threadIdx.x; i < batch * " + C.Int(output.Plan.OutputSize) + "; i += NG_THREADS)\n{\n" +
         "    const float difference = " + output.Output + "[i] - targets[i];\n" +
         "    sum += fabs((double)difference);\n" +
         "    " + output.Delta + "[i] = scale * difference;\n" +
         "}");
}
