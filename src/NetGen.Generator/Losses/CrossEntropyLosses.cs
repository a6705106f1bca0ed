using System.Collections.Generic;
using NetGen.Generator.Emit;
using NetGen.Generator.Emit.Cuda;
using NetGen.Generator.Model;

namespace NetGen.Generator.Losses;

/// <summary>
/// Binary cross-entropy on a sigmoid output, computed from the logits z as max(z, 0) − z·t + ln(1 + e^−|z|); its gradient
/// σ(z) − t is with respect to z.
/// </summary>
internal sealed class BinaryCrossEntropyLoss : LossDefinition
{
    public override LossKind Kind => LossKind.BinaryCrossEntropy;

    public override bool GradientIsWithRespectToZ => true;

    public override string? OutputProblem(ActivationKind activation, int outputs) =>
        activation != ActivationKind.Sigmoid ? "the output must be a probability: use Activation = Activation.Sigmoid" : null;

    public override AccuracyKind Accuracy(ActivationKind activation, int outputs) => outputs > 1 ? AccuracyKind.ArgMax : AccuracyKind.Threshold;

    public override string CpuCall(string outputs, string preActivations) =>
        RuntimeTypes.Internal + "LossKernels.BinaryCrossEntropyWithLogits(" + preActivations + ", targets, gradient, scale)";

    public override string CudaName => "binary_cross_entropy_with_logits_loss";

    public override string Formula => "binary cross-entropy from the logits, δ = sigmoid(z) − t";

    public override (IReadOnlyList<CudaParameter> Reads, string Body) CudaSumAndGradient(CudaLayer output) =>
        (new[] { CudaParameter.Reads(output.PreActivation) },
         "for (int i = threadIdx.x; i < batch * " + C.Int(output.Plan.OutputSize) + "; i += NG_THREADS)\n{\n" +
         "    const float z = " + output.PreActivation + "[i];\n" +
         "    const float t = targets[i];\n" +
         "    sum += (double)fmaxf(z, 0.0f) - (double)z * t + (double)log1pf(expf(-fabsf(z)));\n" +
         "    " + output.Delta + "[i] = scale * (ng_sigmoid(z) - t);\n" +
         "}");
}

/// <summary>
/// Softmax fused with cross-entropy on the logits of a linear output layer, −Σ t ln softmax(z) with the log-sum-exp shift;
/// its gradient softmax(z)·Σt − t is with respect to z.
/// </summary>
internal sealed class SoftmaxCrossEntropyLoss : LossDefinition
{
    public override LossKind Kind => LossKind.SoftmaxCrossEntropy;

    public override bool GradientIsWithRespectToZ => true;

    public override string? OutputProblem(ActivationKind activation, int outputs) =>
        activation == ActivationKind.Softmax ? "remove Activation = Softmax; the loss applies softmax to the logits itself" :
        activation != ActivationKind.Identity ? "the output must be linear logits, so remove its activation" :
        outputs < 2 ? "it needs at least 2 classes; for one output use BinaryCrossEntropy with a sigmoid output" :
        null;

    public override string CpuCall(string outputs, string preActivations) =>
        RuntimeTypes.Internal + "LossKernels.SoftmaxCrossEntropy(" + outputs + ", targets, gradient, batchSize, OutputSize, scale)";

    public override string CudaName => "softmax_cross_entropy_loss";

    public override string Formula => "softmax cross-entropy from the logits, δ = softmax(z)·Σt − t";

    // In float, unlike the CPU's double: the double exp and log routines make ptxas spill, and the float sum over a row
    // of logits shifted by their maximum loses nothing that matters at float precision.
    public override (IReadOnlyList<CudaParameter> Reads, string Body) CudaSumAndGradient(CudaLayer output)
    {
        var classes = C.Int(output.Plan.OutputSize);
        return (new[] { CudaParameter.Reads(output.Output) },
            "for (int row = threadIdx.x; row < batch; row += NG_THREADS)\n{\n" +
            "    const float* z = " + output.Output + " + row * " + classes + ";\n" +
            "    const float* t = targets + row * " + classes + ";\n" +
            "    float* g = " + output.Delta + " + row * " + classes + ";\n" +
            "    float max = z[0];\n" +
            "    for (int j = 1; j < " + classes + "; ++j)\n    {\n        max = fmaxf(max, z[j]);\n    }\n\n" +
            "    float exp_sum = 0.0f;\n" +
            "    for (int j = 0; j < " + classes + "; ++j)\n    {\n        exp_sum += expf(z[j] - max);\n    }\n\n" +
            "    const float log_sum_exp = max + logf(exp_sum);\n" +
            "    float target_sum = 0.0f;\n" +
            "    for (int j = 0; j < " + classes + "; ++j)\n    {\n        sum -= (double)t[j] * (z[j] - log_sum_exp);\n        target_sum += t[j];\n    }\n\n" +
            "    for (int j = 0; j < " + classes + "; ++j)\n    {\n" +
            "        g[j] = scale * (expf(z[j] - log_sum_exp) * target_sum - t[j]);\n" +
            "    }\n" +
            "}");
    }
}
