using System;
using System.Collections.Generic;
using NetGen.Optimizers;

namespace NetGen.Tests.Training.Control;

/// <summary>Plain SGD that records the learning rate of every step it takes.</summary>
internal sealed class RateRecordingSgd(float learningRate) : Optimizer(learningRate)
{
    public List<float> StepRates { get; } = new();

    public override string Name => "RateRecordingSgd";

    protected override void Update(Span<float> parameters, ReadOnlySpan<float> gradients, GradientTransform gradientTransform)
    {
        StepRates.Add(LearningRate);
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i] -= LearningRate * gradientTransform.Apply(gradients[i], parameters[i]);
        }
    }
}
