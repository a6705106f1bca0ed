using System;
using NetGen.Tests.Networks;

namespace NetGen.Tests.Training;

/// <summary>The RBF layer against values computed by hand: Gaussian kernels forward, the centres' and log-widths' gradients backward.</summary>
public sealed class RbfTests
{
    // Centres (0, 0), (1, 0), (0, 2) with σ = 1, 0.5, 2; at x = (1, 1) the squared distances are 2, 1, 2.
    private static readonly float[] s_centers = { 0f, 0f, 1f, 0f, 0f, 2f };
    private static readonly float[] s_logWidths = { 0f, MathF.Log(0.5f), MathF.Log(2f) };

    [Fact]
    public void The_log_widths_start_at_the_log_of_the_declared_width()
    {
        var network = new RbfOnlyNet();

        Assert.All(RbfOnlyNet.Layers.Kernels.LogWidth.Slice(network.Parameters).ToArray(), value => Assert.Equal(MathF.Log(0.5f), value, 6));
        Assert.All(RbfOnlyNet.Layers.Kernels.Center.Slice(network.Parameters).ToArray(), value => Assert.InRange(value, -1f, 1f));
    }

    [Fact]
    public void Each_output_is_a_gaussian_of_the_distance_to_its_centre()
    {
        var network = Hand();
        var outputs = new float[RbfOnlyNet.OutputSize];

        network.Forward(new[] { 1f, 1f }, outputs);

        AssertClose(new[] { MathF.Exp(-1f), MathF.Exp(-2f), MathF.Exp(-0.25f) }, outputs);
    }

    /// <summary>With δ = φ (targets 0): ∂L/∂sⱼ = φ²·d²/σ² and ∂L/∂cⱼ = φ²·(x − cⱼ)/σ².</summary>
    [Fact]
    public void The_centres_move_toward_the_input_and_the_widths_by_the_distance()
    {
        var network = Hand();

        network.ComputeGradients(new[] { 1f, 1f }, new[] { 0f, 0f, 0f });

        AssertClose(new[] { 2f * MathF.Exp(-2f), 4f * MathF.Exp(-4f), 0.5f * MathF.Exp(-0.5f) },
            RbfOnlyNet.Layers.Kernels.LogWidth.Slice(network.Gradients).ToArray());
        var e2 = MathF.Exp(-2f);
        var e4 = 4f * MathF.Exp(-4f);
        var e05 = MathF.Exp(-0.5f) / 4f;
        AssertClose(new[] { e2, e2, 0f, e4, e05, -e05 }, RbfOnlyNet.Layers.Kernels.Center.Slice(network.Gradients).ToArray());
    }

    private static RbfOnlyNet Hand()
    {
        var network = new RbfOnlyNet();
        s_centers.AsSpan().CopyTo(RbfOnlyNet.Layers.Kernels.Center.Slice(network.Parameters));
        s_logWidths.AsSpan().CopyTo(RbfOnlyNet.Layers.Kernels.LogWidth.Slice(network.Parameters));
        return network;
    }

    private static void AssertClose(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(MathF.Abs(expected[i] - actual[i]) <= 1e-6f, $"element {i}: expected {expected[i]}, got {actual[i]}");
        }
    }
}
