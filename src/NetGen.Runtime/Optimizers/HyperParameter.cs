using System;

namespace NetGen.Optimizers;

/// <summary>Range checks shared by the optimizers' constructors and setters.</summary>
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
}
