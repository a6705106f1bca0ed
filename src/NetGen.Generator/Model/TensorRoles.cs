namespace NetGen.Generator.Model;

/// <summary>
/// The roles tensors play in their layer, each the name of a member of the generated <c>Layers.&lt;Layer&gt;</c> class
/// and the second half of the tensor's checkpoint name ("Hidden.Weight"). A layer may not be named after one.
/// </summary>
internal static class TensorRoles
{
    public const string Weight = "Weight";
    public const string Bias = "Bias";
    public const string Alpha = "Alpha";
    public const string Gamma = "Gamma";
    public const string Beta = "Beta";
    public const string RunningMean = "RunningMean";
    public const string RunningVariance = "RunningVariance";
    public const string Center = "Center";
    public const string LogWidth = "LogWidth";
    public const string InputWeight = "InputWeight";
    public const string RecurrentWeight = "RecurrentWeight";
    public const string InputBias = "InputBias";
    public const string RecurrentBias = "RecurrentBias";

    public static string[] All { get; } =
        { Weight, Bias, Alpha, Gamma, Beta, RunningMean, RunningVariance, Center, LogWidth, InputWeight, RecurrentWeight, InputBias, RecurrentBias };
}
