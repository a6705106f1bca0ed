using System;
using System.Globalization;
using NetGen.Optimizers;

namespace NetGen;

/// <summary>Exponential decay, as PyTorch's <c>ExponentialLR</c>: the rate is multiplied by γ every epoch, η_e = η₀·γ^(e−1) for epoch e from 1.</summary>
public sealed class ExponentialDecay : LearningRateSchedule
{
    /// <param name="gamma">γ, the factor per epoch; in (0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="gamma"/> is out of its range.</exception>
    public ExponentialDecay(double gamma)
    {
        Gamma = HyperParameter.RequireDecayFactor(gamma, nameof(gamma), allowOne: true);
    }

    /// <summary>γ, the factor per epoch.</summary>
    public double Gamma { get; }

    /// <inheritdoc/>
    public override float RateAt(int epoch, int epochs, float initialRate) =>
        (float)(initialRate * Math.Pow(Gamma, epoch - 1));

    /// <summary>E.g. "ExponentialDecay(gamma=0.8)".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"ExponentialDecay(gamma={Gamma})");
}
