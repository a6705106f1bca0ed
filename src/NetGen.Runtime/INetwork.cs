using System;
using System.Collections.Generic;

namespace NetGen;

/// <summary>
/// What the runtime needs of a network. NetGen's generator implements it on every [Network] class;
/// the generated class adds typed constants (shapes, parameter slices) and convenience methods on top.
/// Batches are row-major: sample after sample, each <see cref="InputSize"/> (or <see cref="OutputSize"/>) floats.
/// </summary>
public interface INetwork
{
    /// <summary>The network's class name, used in messages.</summary>
    string Name { get; }

    /// <summary>Floats in one input sample.</summary>
    int InputSize { get; }

    /// <summary>Floats in one output (and one target) sample.</summary>
    int OutputSize { get; }

    /// <summary>Trainable parameters, all of them in <see cref="Parameters"/>.</summary>
    int ParameterCount { get; }

    /// <summary>The loss the network is trained on.</summary>
    Loss Loss { get; }

    /// <summary>How the loss combines the samples of a batch.</summary>
    LossReduction Reduction { get; }

    /// <summary>How predictions are scored against targets.</summary>
    AccuracyKind Accuracy { get; }

    /// <summary>Every parameter of the network in one contiguous buffer; <see cref="ParameterTensors"/> names its slices.</summary>
    Span<float> Parameters { get; }

    /// <summary>The gradient of the loss for every parameter, laid out like <see cref="Parameters"/>, from the last <see cref="ComputeGradients"/>.</summary>
    ReadOnlySpan<float> Gradients { get; }

    /// <summary>The named, shaped slices of <see cref="Parameters"/>, in buffer order.</summary>
    IReadOnlyList<ParameterTensor> ParameterTensors { get; }

    /// <summary>The outputs of the last forward pass (batch × <see cref="OutputSize"/>): activations, or logits for softmax cross-entropy.</summary>
    ReadOnlySpan<float> LastOutputs { get; }

    /// <summary>Re-initialises every parameter from <paramref name="seed"/>.</summary>
    void Initialize(int seed);

    /// <summary>Runs a batch forward and copies the outputs (logits for softmax cross-entropy) to <paramref name="outputs"/>.</summary>
    void Forward(ReadOnlySpan<float> inputs, Span<float> outputs);

    /// <summary>Runs a batch forward and returns its loss, reduced as <see cref="Reduction"/> says.</summary>
    float ComputeLoss(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets);

    /// <summary>Forward, loss and backward for a batch: fills <see cref="Gradients"/> and returns the loss.</summary>
    float ComputeGradients(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets);
}
