using System.Globalization;
using NetGen.Generator.Diagnostics;

namespace NetGen.Generator.Analyzers;

/// <summary>The checks the generated run-time guards make, done on lengths known at build time. Each returns the second half of NG0021's message, or null when the buffer is right.</summary>
internal static class SampleChecks
{
    /// <summary>One sample for <c>sample</c>; otherwise a positive whole number of samples.</summary>
    public static string? WholeSamples(SampleBuffer buffer, NetworkShape network)
    {
        var sampleSize = buffer.SampleSize(network);
        var sampleKind = network.Name + " " + (buffer.Role.IsInput ? "sample" : "output");
        if (buffer.Role.IsSingleSample)
        {
            return buffer.Length == sampleSize
                ? null
                : Count(buffer.Length, "float") + ", but one " + sampleKind + " is " + Count(sampleSize, "float");
        }

        if (buffer.Length == 0)
        {
            return "no floats, but it needs at least one " + sampleKind + " of " + Count(sampleSize, "float");
        }

        return buffer.Length % sampleSize == 0
            ? null
            : Count(buffer.Length, "float") + ", which is not a whole number of " + sampleKind + "s of " + Count(sampleSize, "float");
    }

    /// <summary>Targets, outputs or predictions for as many samples as the inputs hold; both must already hold whole samples.</summary>
    public static string? SameSampleCount(SampleBuffer inputs, SampleBuffer partner, NetworkShape network)
    {
        var inputSamples = inputs.Length / network.InputSize;
        var partnerSamples = partner.Length / network.OutputSize;
        return inputSamples == partnerSamples
            ? null
            : Count(partnerSamples, "sample") + " of " + network.Name + "'s " + Count(network.OutputSize, "output") +
              " but '" + inputs.Role.ParameterName + "' holds " + inputSamples.ToString(CultureInfo.InvariantCulture);
    }

    private static string Count(int count, string noun) => Plural.Of(count, noun);
}
