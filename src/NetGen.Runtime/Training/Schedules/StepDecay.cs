using System;
using System.Globalization;
using NetGen.Optimizers;

namespace NetGen;

/// <summary>
/// Step decay, as PyTorch's <c>StepLR</c>: the rate is multiplied by γ every <see cref="StepSize"/> epochs,
/// η_e = η₀·γ^⌊(e−1)/stepSize⌋ for epoch e from 1.
/// </summary>
public sealed class StepDecay : LearningRateSchedule
{
    /// <param name="stepSize">Epochs between decays; at least 1.</param>
    /// <param name="gamma">γ, the factor of each decay; in (0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException">A hyper-parameter is out of its range.</exception>
    public StepDecay(int stepSize, double gamma = 0.1)
    {
        StepSize = HyperParameter.RequirePositive(stepSize, nameof(stepSize));
        Gamma = HyperParameter.RequireDecayFactor(gamma, nameof(gamma), allowOne: true);
    }

    /// <summary>Epochs between decays.</summary>
    public int StepSize { get; }

    /// <summary>γ, the factor of each decay.</summary>
    public double Gamma { get; }

    /// <inheritdoc/>
    public override float RateAt(int epoch, int epochs, float initialRate) =>
        (float)(initialRate * Math.Pow(Gamma, (epoch - 1) / StepSize));

    /// <summary>E.g. "StepDecay(step_size=3, gamma=0.5)".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"StepDecay(step_size={StepSize}, gamma={Gamma})");
}
