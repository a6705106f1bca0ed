using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace NetGen.Search;

/// <summary>
/// The values a real hyper-parameter (a learning rate, a weight decay) may take: a list, which grid search walks and
/// random search picks from uniformly, or a log-uniform range [min, max], which only random search can draw from.
/// </summary>
public sealed class RealDomain
{
    private readonly float[] _values;

    private RealDomain(float[] values, float minimum, float maximum)
    {
        _values = values;
        Minimum = minimum;
        Maximum = maximum;
    }

    /// <summary>The listed values, in order; empty for a range.</summary>
    public IReadOnlyList<float> Values => _values;

    /// <summary>Whether this is a log-uniform range rather than a list.</summary>
    public bool IsRange => _values.Length == 0;

    /// <summary>The smallest value.</summary>
    public float Minimum { get; }

    /// <summary>The largest value.</summary>
    public float Maximum { get; }

    /// <summary>The values listed, tried in this order by grid search.</summary>
    /// <exception cref="ArgumentException">No value is given, or one is NaN or ±∞.</exception>
    public static RealDomain Of(params float[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length == 0)
        {
            throw new ArgumentException("A list of hyper-parameter values needs at least one value.", nameof(values));
        }

        var index = Array.FindIndex(values, value => !float.IsFinite(value));
        if (index >= 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"values[{index}] is {values[index]}; hyper-parameter values must be finite."), nameof(values));
        }

        return new RealDomain((float[])values.Clone(), values.Min(), values.Max());
    }

    /// <summary>
    /// The range [<paramref name="minimum"/>, <paramref name="maximum"/>], drawn from log-uniformly (the logarithm is
    /// uniform), so 1e-4 to 1e-1 gives each decade the same share of the draws.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A bound is not positive and finite, or the minimum exceeds the maximum.</exception>
    public static RealDomain LogUniform(float minimum, float maximum)
    {
        if (!(minimum > 0 && float.IsFinite(minimum)))
        {
            throw new ArgumentOutOfRangeException(nameof(minimum), minimum, "A log-uniform range needs a positive, finite minimum.");
        }

        if (!(maximum >= minimum && float.IsFinite(maximum)))
        {
            throw new ArgumentOutOfRangeException(nameof(maximum), maximum,
                string.Create(CultureInfo.InvariantCulture, $"A log-uniform range needs a finite maximum no smaller than its minimum ({minimum})."));
        }

        return new RealDomain([], minimum, maximum);
    }

    /// <summary>A value drawn from <paramref name="random"/>: a uniform pick from the list, or a log-uniform draw from the range.</summary>
    internal float Draw(SeededRandom random)
    {
        if (!IsRange)
        {
            return _values[random.NextInt(_values.Length)];
        }

        var logMinimum = Math.Log(Minimum);
        var value = (float)Math.Exp(logMinimum + (random.NextDouble() * (Math.Log(Maximum) - logMinimum)));
        return Math.Clamp(value, Minimum, Maximum); // float rounding could step just outside
    }

    /// <summary>E.g. "[0.001, 0.01]" or "log-uniform(0.0001, 0.1)".</summary>
    public override string ToString() => IsRange
        ? string.Create(CultureInfo.InvariantCulture, $"log-uniform({Minimum}, {Maximum})")
        : "[" + string.Join(", ", _values.Select(value => value.ToString(CultureInfo.InvariantCulture))) + "]";
}
