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

    /// <summary>
    /// The network's generated CUDA program (the class's static <c>CudaProgram</c>), reached through the interface rather
    /// than by reflection, so that trimming and NativeAOT keep it.
    /// </summary>
    Cuda.CudaProgram CudaProgram { get; }

    /// <summary>
    /// The network's layers in order, the input excluded: kinds, shapes, options and tensors, as the generator planned them
    /// (a static array of the class, reached without reflection). <see cref="Onnx.OnnxExport"/> reads the architecture from it.
    /// </summary>
    IReadOnlyList<LayerInfo> Layers { get; }

    /// <summary>Every parameter of the network in one contiguous buffer; <see cref="ParameterTensors"/> names its slices.</summary>
    Span<float> Parameters { get; }

    /// <summary>The gradient of the loss for every parameter, laid out like <see cref="Parameters"/>, from the last <see cref="ComputeGradients"/>.</summary>
    ReadOnlySpan<float> Gradients { get; }

    /// <summary>The named, shaped slices of <see cref="Parameters"/>, in buffer order.</summary>
    IReadOnlyList<ParameterTensor> ParameterTensors { get; }

    /// <summary>
    /// Layer state that is not trained, such as batch normalisation's running mean and variance: saved in checkpoints,
    /// never touched by an optimizer. Empty for networks without such layers.
    /// </summary>
    Span<float> State { get; }

    /// <summary>The named, shaped slices of <see cref="State"/>, in buffer order.</summary>
    IReadOnlyList<StateTensor> StateTensors { get; }

    /// <summary>
    /// The seed of the last <see cref="Initialize"/> (0 for a new network). It drew the initial parameters and keys the
    /// random streams of stochastic layers (dropout), whose counter is <see cref="TrainingSteps"/>.
    /// </summary>
    int Seed { get; }

    /// <summary>
    /// Training steps taken: <see cref="ComputeGradients"/> calls, and steps on a GPU. Step n's random draws depend on
    /// <see cref="Seed"/> and n only, so setting it back replays a step's dropout masks. <see cref="Initialize"/> resets it to 0.
    /// </summary>
    long TrainingSteps { get; set; }

    /// <summary>The outputs of the last forward pass (batch × <see cref="OutputSize"/>): activations, or logits for softmax cross-entropy.</summary>
    ReadOnlySpan<float> LastOutputs { get; }

    /// <summary>Re-initialises every parameter and the layer state from <paramref name="seed"/>, and sets <see cref="TrainingSteps"/> to 0.</summary>
    void Initialize(int seed);

    /// <summary>Runs a batch forward in inference mode and copies the outputs (logits for softmax cross-entropy) to <paramref name="outputs"/>.</summary>
    void Forward(ReadOnlySpan<float> inputs, Span<float> outputs);

    /// <summary>Runs a batch forward in inference mode and returns its loss, reduced as <see cref="Reduction"/> says.</summary>
    float ComputeLoss(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets);

    /// <summary>
    /// Forward in training mode, loss and backward for a batch: fills <see cref="Gradients"/> and returns the loss. It
    /// counts a training step: dropout draws its masks for step <see cref="TrainingSteps"/> + 1, batch normalisation
    /// uses the batch's statistics and updates its running ones.
    /// </summary>
    float ComputeGradients(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets);
}
