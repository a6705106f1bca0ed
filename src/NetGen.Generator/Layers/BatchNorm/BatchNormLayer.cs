using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NetGen.Generator.Activations;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Emit;
using NetGen.Generator.Inference;
using NetGen.Generator.Model;
using NetGen.Generator.Parsing;

namespace NetGen.Generator.Layers.BatchNorm;

/// <summary>[BatchNorm]: the running statistics' momentum, ε, and the activation applied after the normalisation.</summary>
internal sealed record BatchNormOptions(double Momentum, double Epsilon, ActivationChoice Activation) : LayerOptions;

/// <summary>
/// Batch normalisation per feature (vectors) or per channel (images and matrices, over their positions): reading and
/// planning. γ and β are parameters; the running mean and variance are layer state. Besides z, a and δ, a layer keeps
/// the normalised input x̂ (per sample) and, per feature, the mean and 1/√(σ² + ε) it normalised with ("mean", "rstd"):
/// the batch's in a training step, the running ones in inference. The passes are in BatchNormLayer.CSharp.cs and BatchNormLayer.Cuda.cs.
/// </summary>
internal sealed partial class BatchNormLayer : ComputeLayerDescriptor
{
    private const string Normalized = "normalized";
    private const string Mean = "mean";
    private const string ReciprocalStandardDeviation = "rstd";

    private BatchNormLayer()
        : base(LayerKind.BatchNorm)
    {
    }

    public static BatchNormLayer Instance { get; } = new();

    public override LayerOptions Read(LayerArguments arguments)
    {
        var activation = arguments.Activation();
        var momentum = ReadInRange(arguments, "Momentum", 0.1, MomentumProblem);
        var epsilon = ReadInRange(arguments, "Epsilon", 1e-5, EpsilonProblem);
        return new BatchNormOptions(momentum, epsilon, activation);
    }

    public override LayerPlan Plan(LayerPlanning planning)
    {
        var options = (BatchNormOptions)planning.Layer.Options;
        if (ActivationCatalog.For(options.Activation.Kind).DenseOnly)
        {
            planning.Report(DiagnosticDescriptors.ActivationNotSupported, planning.Layer.Kind, planning.Layer.Name, options.Activation.Kind,
                "softmax and PReLU are for dense layers");
        }

        var input = planning.Input;
        var features = new EquatableArray<int>(new[] { Features(input) });
        var activation = ActivationResolution.Resolve(planning, options.Activation);
        var tensors = new List<TensorDeclaration>
        {
            TensorDeclaration.Parameter(TensorRoles.Gamma, features, TensorInitialization.Filled(1), "γ, the learned scale of each normalised feature."),
            TensorDeclaration.Parameter(TensorRoles.Beta, features, TensorInitialization.Filled(0), "β, the learned shift of each normalised feature."),
            new(TensorRoles.RunningMean, TensorStorage.State, features, TensorInitialization.Filled(0), "The running mean of each feature, which inference normalises with."),
            new(TensorRoles.RunningVariance, TensorStorage.State, features, TensorInitialization.Filled(1), "The running (unbiased) variance of each feature, which inference normalises with."),
        };
        var buffers = LayerBuffers.Standard(input.Size, activation);
        buffers.Add(new PlannedBuffer(Normalized, BufferElement.Float, input.Size));
        buffers.Add(new PlannedBuffer(Mean, BufferElement.Float, 0, Features(input)));
        buffers.Add(new PlannedBuffer(ReciprocalStandardDeviation, BufferElement.Float, 0, Features(input)));
        return new LayerPlan(input, input, options with { Activation = activation }, tensors, buffers);
    }

    public override ActivationChoice? ActivationOf(PlannedLayer layer) => Options(layer).Activation;

    public override (string Type, string Arguments) Info(PlannedLayer layer)
    {
        var tensors = string.Join(", ", new[] { TensorRoles.Gamma, TensorRoles.Beta, TensorRoles.RunningMean, TensorRoles.RunningVariance }
            .Select(role => LayerInfoEmitter.Tensor(layer, role)));
        return ("BatchNormLayerInfo", LayerInfoEmitter.Activation(layer, Options(layer).Activation) + ", " + tensors + ", " +
                                      Literals.Float(Options(layer).Momentum) + ", " + Literals.Float(Options(layer).Epsilon));
    }

    public override string Details(PlannedLayer layer) =>
        " per " + (layer.InputShape.IsSpatial ? "channel" : "feature") + ", momentum " + Options(layer).Momentum.ToString("R", CultureInfo.InvariantCulture) +
        ", ε " + Options(layer).Epsilon.ToString("R", CultureInfo.InvariantCulture) + ", " + Options(layer).Activation.Kind;

    /// <summary>Features normalised apart: a vector's values, or the channels of an image (a matrix has one).</summary>
    private static int Features(Shape shape) => shape.IsSpatial ? shape.Channels : shape.Size;

    /// <summary>Values normalised together per feature and sample: an image's positions, 1 for a vector.</summary>
    private static int Positions(Shape shape) => shape.IsSpatial ? shape.Height * shape.Width : 1;

    private static string? MomentumProblem(double momentum) =>
        !(momentum > 0 && momentum <= 1) ? "it must be above 0 and at most 1" :
        (float)momentum == 0 ? "it rounds to 0 as a float (below 1.4e-45), so the running statistics would never move" :
        null;

    private static string? EpsilonProblem(double epsilon) =>
        FloatRange.Problem(epsilon) is { } problem ? problem :
        epsilon <= 0 ? "it must be positive" :
        (float)epsilon == 0 ? "it must be at least float's smallest positive value (1.4e-45), or it rounds to 0" :
        null;

    private static double ReadInRange(LayerArguments arguments, string name, double defaultValue, Func<double, string?> problem)
    {
        var (value, location) = arguments.NamedDouble(name);
        if (value is not { } given)
        {
            return defaultValue;
        }

        if (problem(given) is { } message)
        {
            arguments.Report(DiagnosticDescriptors.BatchNormOptionOutOfRange, location, arguments.Name, name, given.ToString("R", CultureInfo.InvariantCulture), message);
            return defaultValue;
        }

        return given;
    }

    private static BatchNormOptions Options(PlannedLayer layer) => (BatchNormOptions)layer.Options;
}
