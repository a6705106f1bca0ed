namespace NetGen.Generator.Diagnostics;

/// <summary>Options are written as doubles but the network computes in floats: what goes wrong in the conversion.</summary>
internal static class FloatRange
{
    /// <summary>Why <paramref name="value"/> is no finite float (the second half of a message), or null when it is one.</summary>
    public static string? Problem(double value) =>
        double.IsNaN(value) || double.IsInfinity(value) ? "it must be a finite number" :
        System.Math.Abs(value) > float.MaxValue ? "it is beyond float's range (±3.4e38)" :
        null;
}
