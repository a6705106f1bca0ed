using System;
using NetGen.Optimizers;
using static NetGen.Tests.Optimizers.OptimizerTestData;

namespace NetGen.Tests.Optimizers;

/// <summary>Behaviour every optimizer shares through <see cref="Optimizer"/>.</summary>
public sealed class OptimizerTests
{
    [Theory]
    [MemberData(nameof(OptimizerNames), MemberType = typeof(OptimizerTestData))]
    public void Step_WithMismatchedLengths_ThrowsNamingBothLengths(string name)
    {
        Optimizer optimizer = Create(name);

        var exception = Assert.Throws<ArgumentException>(() => optimizer.Step(new float[37], new float[29]));

        Assert.Contains("37", exception.Message);
        Assert.Contains("29", exception.Message);
        Assert.Equal(0, optimizer.StepCount);
    }

    [Theory]
    [MemberData(nameof(OptimizerNames), MemberType = typeof(OptimizerTestData))]
    public void Step_WithANewLengthWithoutReset_Throws(string name)
    {
        Optimizer optimizer = Create(name);
        optimizer.Step(new float[Length], GradientSequence()[0]);

        var exception = Assert.Throws<InvalidOperationException>(() => optimizer.Step(new float[12], new float[12]));

        Assert.Contains(Length.ToString(), exception.Message);
        Assert.Contains("12", exception.Message);
        Assert.Equal(1, optimizer.StepCount);
    }

    [Theory]
    [MemberData(nameof(OptimizerNames), MemberType = typeof(OptimizerTestData))]
    public void Reset_AllowsANewLengthAndRestartsFromScratch(string name)
    {
        Optimizer reused = Create(name);
        reused.Step(new float[12], new float[12]);
        reused.Step(new float[12], new float[12]);

        reused.Reset();

        Assert.Equal(0, reused.StepCount);
        Optimizer fresh = Create(name);
        float[] reusedParameters = InitialParameters();
        float[] freshParameters = InitialParameters();
        foreach (float[] gradients in GradientSequence())
        {
            reused.Step(reusedParameters, gradients);
            fresh.Step(freshParameters, gradients);
        }

        Assert.Equal(freshParameters, reusedParameters);
        Assert.Equal(3, reused.StepCount);
    }

    [Fact]
    public void Reset_ForgetsStateEvenWithTheSameLength()
    {
        float[][] gradientSequence = GradientSequence();
        var momentum = new Momentum();
        momentum.Step(InitialParameters(), gradientSequence[1]);
        momentum.Reset();
        float[] parameters = InitialParameters();

        momentum.Step(parameters, gradientSequence[0]);

        float[] fresh = InitialParameters();
        new Momentum().Step(fresh, gradientSequence[0]);
        Assert.Equal(fresh, parameters);
    }

    [Theory]
    [MemberData(nameof(OptimizerNames), MemberType = typeof(OptimizerTestData))]
    public void StepsAfterTheFirst_AllocateNothing(string name)
    {
        foreach (Optimizer optimizer in new[] { Create(name), Create(name, weightDecay: 0.1f, clipNorm: 1f, clipValue: 0.5f, l1Decay: 0.01f) })
        {
            float[] parameters = InitialParameters();
            float[][] gradientSequence = GradientSequence();
            optimizer.Step(parameters, gradientSequence[0]);
            optimizer.Step(parameters, gradientSequence[1]);

            long allocated = AllocationMeter.BytesAllocatedBy(() =>
            {
                for (int step = 0; step < 20; step++)
                {
                    optimizer.Step(parameters, gradientSequence[step % 3]);
                }
            });
            Assert.Equal(0, allocated);
        }
    }

    [Theory]
    [MemberData(nameof(OptimizerNames), MemberType = typeof(OptimizerTestData))]
    public void VectorPathAndScalarTail_GiveBitIdenticalResults(string name)
    {
        // Every element sees the same inputs, so any difference between the vector loop and the tail shows.
        Optimizer optimizer = Create(name, weightDecay: 0.1f, clipNorm: 5f, clipValue: 0.7f, l1Decay: 0.02f);
        var parameters = new float[Length];
        Array.Fill(parameters, 0.37f);
        float[] gradients = new float[Length];
        foreach (float gradient in new[] { 1.3f, -0.02f, 4.1f })
        {
            Array.Fill(gradients, gradient);
            optimizer.Step(parameters, gradients);
        }

        Assert.NotEqual(0.37f, parameters[0]);
        Assert.All(parameters, value => Assert.Equal(parameters[0], value));
    }

    [Theory]
    [MemberData(nameof(OptimizerNames), MemberType = typeof(OptimizerTestData))]
    public void Step_OnEmptyBuffers_OnlyCountsTheStep(string name)
    {
        Optimizer optimizer = Create(name, clipNorm: 1f);

        optimizer.Step(Span<float>.Empty, ReadOnlySpan<float>.Empty);

        Assert.Equal(1, optimizer.StepCount);
    }

    [Fact]
    public void LearningRate_ChangedBetweenSteps_AppliesToTheNextStep()
    {
        var sgd = new Sgd(0.1f);
        float[] parameters = [1f, 2f];
        sgd.Step(parameters, [1f, -1f]);

        sgd.LearningRate = 0.5f;
        sgd.Step(parameters, [1f, -1f]);

        Assert.Equal(0.5f, sgd.LearningRate);
        Assert.Equal(1f - 0.1f - 0.5f, parameters[0], 1e-6f);
        Assert.Equal(2f + 0.1f + 0.5f, parameters[1], 1e-6f);
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(-0.001f)]
    [InlineData(float.NaN)]
    [InlineData(float.NegativeInfinity)]
    [InlineData(float.PositiveInfinity)]
    public void LearningRate_RejectsNonPositiveOrNonFiniteValues(float learningRate)
    {
        var adam = new Adam();

        Assert.Throws<ArgumentOutOfRangeException>("LearningRate", () => adam.LearningRate = learningRate);
        Assert.Equal(0.001f, adam.LearningRate);
    }

    [Fact]
    public void ToString_ShowsDecayAndClippingWhenOn()
    {
        var sgd = new Sgd(0.1f) { WeightDecay = 1e-4f, L1Decay = 1e-5f, ClipNorm = 1f, ClipValue = 0.5f };

        Assert.Equal("Sgd(lr=0.1, weight_decay=0.0001, l1=1e-05, clip_norm=1, clip_value=0.5)", sgd.ToString());
    }

    [Fact]
    public void ToString_ShowsAdamWsL1DecayBesideItsDecoupledDecay()
    {
        var adamW = new AdamW { L1Decay = 0.002f };

        Assert.Equal("AdamW(lr=0.001, β1=0.9, β2=0.999, ε=1e-08, weight_decay=0.01, l1=0.002)", adamW.ToString());
    }

    [Theory]
    [MemberData(nameof(OptimizerNames), MemberType = typeof(OptimizerTestData))]
    public void Name_IsTheClassName(string name)
    {
        Optimizer optimizer = Create(name);

        Assert.Equal(name, optimizer.Name);
        Assert.Equal(name, optimizer.GetType().Name);
        Assert.StartsWith(name + "(lr=", optimizer.ToString());
    }
}
