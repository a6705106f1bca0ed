using System;
using NetGen.Internal;

namespace NetGen;

/// <summary>
/// <see cref="Trainer.Fit"/> stopped because a training step's loss, or a gradient, was NaN or ±∞ (with
/// <see cref="TrainingOptions.NonFiniteBatches"/> at <see cref="NonFiniteBatchPolicy.Stop"/>, the default).
/// </summary>
/// <remarks>
/// The step was left out, on the CPU and on CUDA alike: the network's parameters, its layer state (batch normalisation's
/// running statistics, which the step's forward pass had already updated, are put back from a copy taken before the
/// step) and <see cref="INetwork.TrainingSteps"/>, and the optimizer's state and <see cref="Optimizers.Optimizer.StepCount"/>
/// are as they were before it, so the network can be saved, examined or trained on from there.
/// </remarks>
public sealed class NonFiniteTrainingException : NotFiniteNumberException
{
    /// <summary>The name <see cref="Tensor"/> has when the loss itself was not finite.</summary>
    public const string LossTensor = "loss";

    private NonFiniteTrainingException(
        string message, float value, int epoch, int step, long globalStep, string tensor, int index, TrainingHistory history)
        : base(message, value)
    {
        Epoch = epoch;
        Step = step;
        GlobalStep = globalStep;
        Tensor = tensor;
        Index = index;
        History = history;
    }

    /// <summary>The epoch of the step, from 1.</summary>
    public int Epoch { get; }

    /// <summary>The step's batch within <see cref="Epoch"/>, from 1.</summary>
    public int Step { get; }

    /// <summary>The step counted from the start of the <see cref="Trainer.Fit"/> call, from 1.</summary>
    public long GlobalStep { get; }

    /// <summary>
    /// <see cref="LossTensor"/> ("loss") when the loss was not finite, else the name of the parameter tensor whose gradient
    /// was (as in <see cref="INetwork.ParameterTensors"/>, e.g. "Hidden.Weight"), the first in buffer order.
    /// </summary>
    public string Tensor { get; }

    /// <summary>The first non-finite gradient's element within <see cref="Tensor"/> (row-major); -1 for the loss.</summary>
    public int Index { get; }

    /// <summary>The epochs finished before the step.</summary>
    public TrainingHistory History { get; }

    internal static NonFiniteTrainingException For(
        INetwork network, BatchResult step, int epoch, int batch, int batches, long globalStep, TrainingHistory history)
    {
        var when = $"in epoch {epoch}, step {batch} of {batches} (step {globalStep} of this Fit call)";
        const string Advice =
            "Training stopped; the parameters, the optimizer state and the layer state are as they were before that step. " +
            "Look for NaN or ±∞ in the data, lower the learning rate or clip the gradients (Optimizer.ClipNorm), " +
            "or set TrainingOptions.NonFiniteBatches = NonFiniteBatchPolicy.Skip to leave such batches out.";
        if (!float.IsFinite(step.Loss))
        {
            return new NonFiniteTrainingException(
                $"{network.Name}: the loss is {NonFiniteValues.Describe(step.Loss)} {when}. {Advice}",
                step.Loss, epoch, batch, globalStep, LossTensor, -1, history);
        }

        var element = TensorElement.Locate(network.ParameterTensors, step.FirstNonFiniteGradient);
        return new NonFiniteTrainingException(
            $"{network.Name}: the gradient of {element} is {NonFiniteValues.Describe(step.FirstNonFiniteGradientValue)} {when} " +
            $"(the loss is {step.Loss.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}). {Advice}",
            step.FirstNonFiniteGradientValue, epoch, batch, globalStep, element.Tensor.Name, element.Index, history);
    }
}
