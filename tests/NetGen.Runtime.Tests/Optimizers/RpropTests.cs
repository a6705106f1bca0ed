using System;
using NetGen.Optimizers;
using static NetGen.Tests.Optimizers.OptimizerTestData;

namespace NetGen.Tests.Optimizers;

public sealed class RpropTests
{
    // Δ0 = 1/8, η− = 1/2, η+ = 2 and θ = 1 keep every step below exact, so the expected values are the rule's, not a rounding's.
    private const float InitialStep = 0.125f, EtaMinus = 0.5f, EtaPlus = 2f, MinStep = 0.05f, MaxStep = 0.375f;

    /// <summary>Five steps of four gradient patterns, each element of a 37-element buffer (vectors and tail) following one.</summary>
    private static readonly float[][] s_patterns =
    [
        [1f, 1f, 1f, 1f, 1f],            // the same sign: Δ doubles to Δmax = 0.375 and stays there
        [-1f, 1f, 1f, -1f, -1f],         // sign changes: Δ halves, no step, the gradient forgotten; then Δmin = 0.05
        [0f, 1f, 0f, -1f, 0f],           // zero gradients: no step, and Δ neither grows nor shrinks across them
        [2f, 0.001f, -5f, -5f, -5f],     // the size of g does not matter; a change after growth shrinks Δ back
    ];

    // θ after each step for each pattern, from θ = 1, worked by hand:
    // pattern 0: Δ = 0.125, 0.25, 0.375 (0.5 clamped), 0.375, 0.375, all steps down.
    // pattern 1: Δ = 0.125 up; 0.0625 no step (g·g_prev < 0); 0.0625 down (g_prev was forgotten, so g·g_prev = 0);
    //            0.05 (0.03125 clamped) no step; 0.05 up.
    // pattern 2: no step; 0.125 down; no step; 0.125 up (g_prev = 0 before it: Δ unchanged); no step.
    // pattern 3: 0.125 down; 0.25 down; 0.125 no step; 0.125 up (g_prev forgotten); 0.25 up.
    private static readonly float[][] s_expected =
    [
        [0.875f, 0.625f, 0.25f, -0.125f, -0.5f],
        [1.125f, 1.125f, 1.0625f, 1.0625f, 1.0625f + MinStep],
        [1f, 0.875f, 0.875f, 1f, 1f],
        [0.875f, 0.625f, 0.625f, 0.75f, 1f],
    ];

    [Fact]
    public void Hand_worked_steps_cover_growth_sign_changes_zero_gradients_and_both_bounds()
    {
        var rprop = new Rprop(InitialStep, EtaMinus, EtaPlus, MinStep, MaxStep);
        var parameters = new float[Length];
        Array.Fill(parameters, 1f);
        var gradients = new float[Length];

        for (var step = 0; step < 5; step++)
        {
            for (var i = 0; i < Length; i++)
            {
                gradients[i] = s_patterns[i % 4][step];
            }

            rprop.Step(parameters, gradients);

            for (var i = 0; i < Length; i++)
            {
                Assert.True(
                    s_expected[i % 4][step] == parameters[i],
                    $"step {step + 1}, element {i} (pattern {i % 4}): expected {s_expected[i % 4][step]:R}, actual {parameters[i]:R}");
            }
        }
    }

    [Theory]
    [InlineData(0f, 0f, 0f, 0f)]
    [InlineData(0.1f, 0f, 0.5f, 0.01f)]
    [InlineData(0.05f, 2f, 0f, 0f)] // norm clipping that bites (‖g‖ ≈ 5 at the first step), with L2 decay to turn some signs
    public void Ten_steps_follow_the_rule_from_its_definition(float weightDecay, float clipNorm, float clipValue, float l1Decay)
    {
        const float initialStep = 0.05f, etaMinus = 0.3f, etaPlus = 1.5f, minStep = 0.01f, maxStep = 0.1f;
        var rprop = new Rprop(initialStep, etaMinus, etaPlus, minStep, maxStep)
        {
            WeightDecay = weightDecay, ClipNorm = clipNorm, ClipValue = clipValue, L1Decay = l1Decay,
        };
        float[] parameters = InitialParameters();
        double[] theta = Array.ConvertAll(parameters, value => (double)value);
        var previous = new double[Length];
        var stepSizes = new double[Length];
        Array.Fill(stepSizes, initialStep);
        int signChanges = 0, clampedAbove = 0, clampedBelow = 0;

        for (var step = 0; step < 10; step++)
        {
            var gradients = new float[Length];
            for (var i = 0; i < Length; i++)
            {
                // Signs that hold for 1 to 5 steps (depending on the element), then change, and a zero now and then.
                float sign = (i + step) / (1 + (i % 5)) % 2 == 0 ? 1f : -1f;
                gradients[i] = ((i * 3) + step) % 11 == 0 ? 0f : sign * (0.1f + (0.01f * i));
            }

            rprop.Step(parameters, gradients);

            double[] g = TransformGradient(Array.ConvertAll(gradients, value => (double)value), theta, clipNorm, clipValue, weightDecay, l1Decay);
            for (var i = 0; i < Length; i++)
            {
                if (g[i] * previous[i] > 0)
                {
                    clampedAbove += stepSizes[i] * etaPlus > maxStep ? 1 : 0;
                    stepSizes[i] = Math.Min(stepSizes[i] * etaPlus, maxStep);
                }
                else if (g[i] * previous[i] < 0)
                {
                    clampedBelow += stepSizes[i] * etaMinus < minStep ? 1 : 0;
                    stepSizes[i] = Math.Max(stepSizes[i] * etaMinus, minStep);
                    g[i] = 0;
                    signChanges++;
                }

                theta[i] -= Math.Sign(g[i]) * stepSizes[i];
                previous[i] = g[i];
            }

            AssertClose(theta, parameters, $"step {step + 1}");
        }

        Assert.True(signChanges > 50 && clampedAbove >= 5 && clampedBelow >= 10, $"{signChanges} sign changes, {clampedAbove} steps held at Δmax, {clampedBelow} at Δmin");
    }

    [Fact]
    public void Clipping_never_turns_a_sign_so_it_never_changes_a_step()
    {
        var plain = new Rprop();
        var clipped = new Rprop { ClipNorm = 1e-3f, ClipValue = 1e-4f };
        float[] plainParameters = InitialParameters();
        float[] clippedParameters = InitialParameters();

        foreach (float[] gradients in GradientSequence())
        {
            plain.Step(plainParameters, gradients);
            clipped.Step(clippedParameters, gradients);
        }

        Assert.NotEqual(InitialParameters(), plainParameters);
        Assert.Equal(plainParameters, clippedParameters);
    }

    [Fact]
    public void Norm_clipping_comes_before_L2_decay_which_can_turn_the_step()
    {
        // g = (−0.6, 0.8), ‖g‖ = 1, θ = (1, 1), λ = 0.5: clipped to ‖g‖ = 0.5 the gradient is (−0.3, 0.4) + 0.5 = (0.2, 0.9),
        // so both parameters step down; unclipped it is (−0.1, 1.3), and the first steps up.
        var clipped = new Rprop(InitialStep) { WeightDecay = 0.5f, ClipNorm = 0.5f };
        var unclipped = new Rprop(InitialStep) { WeightDecay = 0.5f };
        float[] clippedParameters = [1f, 1f];
        float[] unclippedParameters = [1f, 1f];

        clipped.Step(clippedParameters, [-0.6f, 0.8f]);
        unclipped.Step(unclippedParameters, [-0.6f, 0.8f]);

        Assert.Equal([0.875f, 0.875f], clippedParameters);
        Assert.Equal([1.125f, 0.875f], unclippedParameters);
    }

    [Fact]
    public void Value_clipping_and_L1_decay_enter_the_sign_as_in_every_optimizer()
    {
        // θ = (1, −1, 1), g = (−3, 0.01, −0.01): clamped to ±0.1, plus λ₂θ = (0.2, −0.2, 0.2) and λ₁·sign(θ) = (0.02, −0.02, 0.02),
        // the gradient is (0.12, −0.21, 0.21): the first parameter steps down against its raw gradient, the others towards 0.
        var rprop = new Rprop(InitialStep) { ClipValue = 0.1f, WeightDecay = 0.2f, L1Decay = 0.02f };
        float[] parameters = [1f, -1f, 1f];

        rprop.Step(parameters, [-3f, 0.01f, -0.01f]);

        Assert.Equal([0.875f, -0.875f, 0.875f], parameters);
    }

    [Fact]
    public void The_learning_rate_is_the_initial_step_and_a_later_change_leaves_adapted_steps_alone()
    {
        var rprop = new Rprop(0.125f) { LearningRate = 0.25f };
        float[] parameters = [1f];

        rprop.Step(parameters, [1f]);
        Assert.Equal(0.75f, parameters[0]);

        rprop.LearningRate = 0.0625f;
        rprop.Step(parameters, [1f]);
        Assert.Equal(0.75f - (0.25f * 1.2f), parameters[0]);
    }

    [Fact]
    public void A_step_that_underflows_to_zero_starts_again_from_the_initial_step()
    {
        // With Δmin = 0, Δ0 = 2ε and η− = 0.5 the second sign change rounds Δ = ε/2 to 0; the next step is Δ0 again.
        float epsilon = float.Epsilon;
        var rprop = new Rprop(2 * epsilon, minStepSize: 0f);
        float[] parameters = [0f];
        float[] expected = [-2 * epsilon, -2 * epsilon, -epsilon, -epsilon, -3 * epsilon];
        float[] gradients = [1f, -1f, -1f, 1f, 1f];

        for (var step = 0; step < gradients.Length; step++)
        {
            rprop.Step(parameters, [gradients[step]]);
            Assert.Equal(expected[step], parameters[0]);
        }
    }

    [Fact]
    public void Defaults_MatchPyTorch()
    {
        var optimizer = new Rprop();

        Assert.Equal(0.01f, optimizer.LearningRate);
        Assert.Equal(0.5f, optimizer.EtaMinus);
        Assert.Equal(1.2f, optimizer.EtaPlus);
        Assert.Equal(1e-6f, optimizer.MinStepSize);
        Assert.Equal(50f, optimizer.MaxStepSize);
        Assert.Equal("Rprop(lr=0.01, η−=0.5, η+=1.2, Δmin=1e-06, Δmax=50)", optimizer.ToString());
    }

    [Fact]
    public void Constructor_accepts_equal_bounds_and_a_zero_minimum()
    {
        var constant = new Rprop(0.5f, minStepSize: 0.5f, maxStepSize: 0.5f);
        var fannLike = new Rprop(0.1f, minStepSize: 0f);

        Assert.Equal(0.5f, constant.MinStepSize);
        Assert.Equal(0f, fannLike.MinStepSize);
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(1f)]
    [InlineData(-0.5f)]
    [InlineData(float.NaN)]
    public void Constructor_RejectsEtaMinusOutsideTheOpenUnitInterval(float etaMinus)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>("etaMinus", () => new Rprop(etaMinus: etaMinus));
        Assert.Contains("(0, 1)", error.Message);
    }

    [Theory]
    [InlineData(1f)]
    [InlineData(0.5f)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NaN)]
    public void Constructor_RejectsEtaPlusNotAboveOne(float etaPlus)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>("etaPlus", () => new Rprop(etaPlus: etaPlus));
        Assert.Contains("above 1", error.Message);
    }

    [Theory]
    [InlineData(-1e-6f)]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void Constructor_RejectsBadMinStepSize(float minStepSize)
    {
        Assert.Throws<ArgumentOutOfRangeException>("minStepSize", () => new Rprop(minStepSize: minStepSize));
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(-1f)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NaN)]
    public void Constructor_RejectsBadMaxStepSize(float maxStepSize)
    {
        Assert.Throws<ArgumentOutOfRangeException>("maxStepSize", () => new Rprop(maxStepSize: maxStepSize));
    }

    [Fact]
    public void Constructor_RejectsAMinimumAboveTheMaximum()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>("minStepSize", () => new Rprop(0.5f, minStepSize: 2f, maxStepSize: 1f));
        Assert.Contains("must not exceed maxStepSize", error.Message);
    }

    [Theory]
    [InlineData(60f)]
    [InlineData(1e-7f)]
    public void Constructor_RejectsAnInitialStepOutsideTheBounds(float learningRate)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>("learningRate", () => new Rprop(learningRate));
        Assert.Contains("[1e-06, 50]", error.Message);
    }
}
