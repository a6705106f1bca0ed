using System;

namespace NetGen.Optimizers;

/// <summary>Range checks shared by the optimizers' and the training callbacks' constructors and setters.</summary>
internal static class HyperParameter
{
    public static float RequirePositiveFinite(float value, string parameterName)
    {
        if (!(value > 0f && float.IsFinite(value)))
        {
            throw new ArgumentOutOfRangeException(parameterName, value, $"{parameterName} must be positive and finite.");
        }

        return value;
    }

    public static float RequireNonNegativeFinite(float value, string parameterName)
    {
        if (!(value >= 0f && float.IsFinite(value)))
        {
            throw new ArgumentOutOfRangeException(parameterName, value, $"{parameterName} must be zero or positive, and finite.");
        }

        return value;
    }

    /// <summary>Decay rates (momentum, ρ, β): in [0, 1).</summary>
    public static float RequireDecayRate(float value, string parameterName)
    {
        if (!(value >= 0f && value < 1f))
        {
            throw new ArgumentOutOfRangeException(parameterName, value, $"{parameterName} must be in [0, 1).");
        }

        return value;
    }

    public static double RequireNonNegativeFinite(double value, string parameterName)
    {
        if (!(value >= 0 && double.IsFinite(value)))
        {
            throw new ArgumentOutOfRangeException(parameterName, value, $"{parameterName} must be zero or positive, and finite.");
        }

        return value;
    }

    /// <summary>Multiplicative decay factors (γ, a plateau's factor): in (0, 1) or, with <paramref name="allowOne"/>, (0, 1].</summary>
    public static double RequireDecayFactor(double value, string parameterName, bool allowOne)
    {
        if (!(value > 0 && (allowOne ? value <= 1 : value < 1)))
        {
            throw new ArgumentOutOfRangeException(parameterName, value, $"{parameterName} must be in (0, 1{(allowOne ? "]" : ")")}.");
        }

        return value;
    }

    /// <summary>Relative thresholds: in [0, 1).</summary>
    public static double RequireFraction(double value, string parameterName)
    {
        if (!(value >= 0 && value < 1))
        {
            throw new ArgumentOutOfRangeException(parameterName, value, $"{parameterName} must be in [0, 1).");
        }

        return value;
    }

    public static int RequirePositive(int value, string parameterName)
    {
        if (value < 1)
        {
            throw new ArgumentOutOfRangeException(parameterName, value, $"{parameterName} must be at least 1.");
        }

        return value;
    }

    public static int RequireNonNegative(int value, string parameterName)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(parameterName, value, $"{parameterName} must be zero or positive.");
        }

        return value;
    }
}
