using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace NetGen.Generator.Diagnostics;

/// <summary>The catalogue of NetGen's build-time diagnostics. Each ID is documented in docs/diagnostics.md.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "NetGen";

    public static readonly DiagnosticDescriptor NotPartial = Error(
        "NG0001",
        "Network class must be partial",
        "Network class '{0}' must be declared partial so that NetGen can add the generated members");

    public static readonly DiagnosticDescriptor UnsupportedNetworkType = Error(
        "NG0002",
        "Unsupported network type",
        "Network '{0}' cannot be {1}; declare it as a non-generic, non-static partial class");

    public static readonly DiagnosticDescriptor ContainingTypeNotPartial = Error(
        "NG0003",
        "Containing type must be partial",
        "Type '{0}' contains network '{1}' and must be declared partial");

    public static readonly DiagnosticDescriptor MissingInput = Error(
        "NG0004",
        "Network has no input",
        "Network '{0}' has no [Input]; declare the shape of one sample first, for example [Input(784)]");

    public static readonly DiagnosticDescriptor MisplacedInput = Error(
        "NG0005",
        "Input declared twice or after a layer",
        "Network '{0}' declares [Input] {1}; declare exactly one [Input], before every layer");

    public static readonly DiagnosticDescriptor NonPositiveSize = Error(
        "NG0006",
        "Size out of range",
        "{0} '{1}' has {2} = {3}; it must be at least {4}");

    public static readonly DiagnosticDescriptor NoLayers = Error(
        "NG0007",
        "Network has no layers",
        "Network '{0}' has no layer with parameters; add at least one layer such as [Dense(10)]");

    public static readonly DiagnosticDescriptor InvalidLayerName = Error(
        "NG0008",
        "Invalid layer name",
        "Layer name {0}");

    public static readonly DiagnosticDescriptor DuplicateLayerName = Error(
        "NG0009",
        "Duplicate layer name",
        "Layer name '{0}' is already used by another layer of network '{1}'");

    public static readonly DiagnosticDescriptor LayerNeedsVector = Error(
        "NG0010",
        "Layer needs a vector input",
        "{0} '{1}' expects a vector but '{2}' produces {3}; insert [Flatten] before it");

    public static readonly DiagnosticDescriptor LossDoesNotFitOutput = Error(
        "NG0011",
        "Loss does not fit the output layer",
        "{0} does not fit output layer '{1}' ({2}): {3}");

    public static readonly DiagnosticDescriptor OptionNotTaken = Warning(
        "NG0012",
        "Option not taken by this layer",
        "{0} '{1}' sets {2}, which {3} does not use");

    public static readonly DiagnosticDescriptor NetworkTooLarge = Error(
        "NG0013",
        "Network too large",
        "Network '{0}' needs more than 2,147,483,647 {1} (at layer '{2}'); reduce the layer sizes");

    public static readonly DiagnosticDescriptor InvalidAlpha = Error(
        "NG0014",
        "Invalid activation parameter",
        "{0} '{1}' has Alpha = {2}; {3}");

    public static readonly DiagnosticDescriptor UndefinedEnumValue = Error(
        "NG0015",
        "Undefined enum value",
        "{0} '{1}' has {2} = {3}, which is not a member of {4}");

    public static readonly DiagnosticDescriptor LayerNeedsImage = Error(
        "NG0016",
        "Layer needs an image input",
        "{0} '{1}' expects channels×height×width but '{2}' produces {3}; declare the input as [Input(channels, height, width)]");

    public static readonly DiagnosticDescriptor WindowTooLarge = Error(
        "NG0017",
        "Window larger than its input",
        "{0} '{1}' has a {2}×{2} window but its input padded by {3} is {4}×{5} ('{6}' produces {7})");

    public static readonly DiagnosticDescriptor StrideDropsInput = Warning(
        "NG0018",
        "Stride leaves input unused",
        "{0} '{1}' with a {2}×{2} window, stride {3} and padding {4} never reads the last {5} of its {6}×{7} input");

    public static readonly DiagnosticDescriptor ActivationNotSupported = Error(
        "NG0019",
        "Activation not supported by this layer",
        "{0} '{1}' cannot use {2}; {3}");

    public static readonly DiagnosticDescriptor PaddingTooLarge = Error(
        "NG0020",
        "Pooling padding larger than half the window",
        "{0} '{1}' pads by {2} but its window is {3}; padding may be at most half the window, or some windows would hold only padding");

    public static readonly DiagnosticDescriptor ReshapeChangesSize = Error(
        "NG0022",
        "Reshape changes the element count",
        "Reshape '{0}' turns what '{1}' produces, {2} ({3}), into {4} ({5}); a reshape must keep every float");

    public static readonly DiagnosticDescriptor DropProbabilityOutOfRange = Error(
        "NG0023",
        "Drop probability out of range",
        "{0} '{1}' has {2}; it must be at least 0 and below 1 (the probability of dropping a {3})");

    public static readonly DiagnosticDescriptor BatchNormOptionOutOfRange = Error(
        "NG0024",
        "Batch normalisation option out of range",
        "BatchNorm '{0}' has {1} = {2}; {3}");

    public static readonly DiagnosticDescriptor LayersWithoutNetwork = Warning(
        "NG0025",
        "Layers declared without [Network]",
        "'{0}' declares NetGen layers but no [Network], so NetGen generates nothing for it; add [Network] to the class");

    public static readonly DiagnosticDescriptor MemberCollidesWithGenerated = Error(
        "NG0026",
        "Member collides with a generated member",
        "'{0}' collides with the {1} that NetGen generates for network '{2}'; rename or remove it");

    public static readonly DiagnosticDescriptor NoisyOutput = Warning(
        "NG0027",
        "Noisy activation on the output layer",
        "{0} '{1}' is the output layer, so {2} adds its noise to the outputs the loss scores in training; put the noisy activation in a hidden layer");

    public static readonly DiagnosticDescriptor NetworkAndMap = Error(
        "NG0029",
        "Class declared both a network and a self-organising map",
        "'{0}' carries both [Network] and [SelfOrganizingMap]; a class is one or the other, so NetGen generates no map for it");

    public static readonly DiagnosticDescriptor MapTooLarge = Error(
        "NG0030",
        "Self-organising map too large",
        "Self-organising map '{0}' needs {1} × {2} units × {3} floats = {4} floats, more than 2,147,483,647; reduce its size");

    public static readonly DiagnosticDescriptor RbfWidthNotPositive = Error(
        "NG0031",
        "RBF width not positive",
        "Rbf '{0}' has Width = {1}; a kernel's initial width σ must be positive and finite");

    public static readonly DiagnosticDescriptor RecurrentNeedsSequence = Error(
        "NG0032",
        "Recurrent layer without a sequence input",
        "{0} '{1}' reads a sequence (steps × features) but '{2}' produces {3}; declare the input as [Input(steps, features, Sequence = true)], or give the recurrent layer below ReturnSequences = true");

    public static readonly DiagnosticDescriptor SequenceIntoVectorLayer = Error(
        "NG0033",
        "Sequence output into a layer that takes a vector",
        "{0} '{1}' takes a vector but '{2}' produces the sequence {3}; {4}");

    public static readonly DiagnosticDescriptor TruncationBeyondSequence = Warning(
        "NG0034",
        "Truncation longer than the sequence",
        "{0} '{1}' truncates backpropagation through time to {2}, but its sequence has {3}; the truncation changes nothing, so remove Bptt or make it shorter");

    public static readonly DiagnosticDescriptor SequenceNeedsTwoSizes = Error(
        "NG0035",
        "Sequence input without steps and features",
        "A sequence input has two sizes, steps × features, but this one has {0} size{1}");

    public static readonly DiagnosticDescriptor PerStepWithoutSequence = Warning(
        "NG0036",
        "Per-step dense layer on a vector",
        "Dense '{0}' sets PerStep = true but '{1}' produces {2}, not a sequence; the layer applies once per sample, so remove PerStep");

    public static readonly DiagnosticDescriptor NotWholeSamples = Warning(
        "NG0021",
        "Argument is not a whole number of samples",
        "'{0}' holds {1}");

    private static readonly Dictionary<string, DiagnosticDescriptor> s_byId = typeof(DiagnosticDescriptors)
        .GetFields()
        .Where(field => field.FieldType == typeof(DiagnosticDescriptor))
        .Select(field => (DiagnosticDescriptor)field.GetValue(null)!)
        .ToDictionary(descriptor => descriptor.Id);

    public static IEnumerable<DiagnosticDescriptor> All => s_byId.Values;

    public static DiagnosticDescriptor ById(string id) => s_byId[id];

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        Create(id, title, message, DiagnosticSeverity.Error);

    private static DiagnosticDescriptor Warning(string id, string title, string message) =>
        Create(id, title, message, DiagnosticSeverity.Warning);

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true,
            helpLinkUri: "docs/diagnostics.md#" + id.ToLowerInvariant());
}
