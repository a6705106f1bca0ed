using System;
using NetGen.Internal;
using NetGen.Tests.Networks;

namespace NetGen.Tests.Training;

/// <summary>Maxout against values computed by hand: the maximum of each unit's pieces forward, δ to the winning piece backward.</summary>
public sealed class MaxoutTests
{
    // Row unit·pieces + piece: unit 0 is max(x₁, x₂ + 0.5), unit 1 is max(x₁ + x₂, −x₁ + 2x₂ − 1).
    private static readonly float[] s_weight = { 1f, 0f, 0f, 1f, 1f, 1f, -1f, 2f };
    private static readonly float[] s_bias = { 0f, 0.5f, 0f, -1f };

    [Fact]
    public void Each_unit_is_the_largest_of_its_pieces()
    {
        var network = Hand();
        var outputs = new float[2 * MaxoutOnlyNet.OutputSize];

        // x = (2, 3): pieces (2, 3.5 | 5, 3); x = (1, −1): pieces (1, −0.5 | 0, −4).
        network.Forward(new[] { 2f, 3f, 1f, -1f }, outputs);

        Assert.Equal(new[] { 3.5f, 5f, 1f, 0f }, outputs);
    }

    [Fact]
    public void The_gradient_goes_to_the_winning_piece_and_to_the_first_on_a_tie()
    {
        var network = Hand();

        // x = (1, 0.5): pieces (1, 1 | 1.5, −1), so unit 0 ties and its first piece wins; a = (1, 1.5), δ = a − 0.
        var loss = network.ComputeGradients(new[] { 1f, 0.5f }, new[] { 0f, 0f });

        Assert.Equal(0.5f * ((1f * 1f) + (1.5f * 1.5f)), loss);
        Assert.Equal(new[] { 1f, 0.5f, 0f, 0f, 1.5f, 0.75f, 0f, 0f }, MaxoutOnlyNet.Layers.Max.Weight.Slice(network.Gradients).ToArray());
        Assert.Equal(new[] { 1f, 0f, 1.5f, 0f }, MaxoutOnlyNet.Layers.Max.Bias.Slice(network.Gradients).ToArray());
    }

    [Fact]
    public void A_nan_piece_wins_so_that_nan_propagates()
    {
        var pieces = new[] { 1f, float.NaN, 3f, 2f };
        var output = new float[1];
        var argMax = new int[1];
        MaxoutKernels.Forward(new[] { 1f }, pieces, default, new float[4], output, argMax, batch: 1, inputSize: 1, units: 1, pieces: 4);

        Assert.True(float.IsNaN(output[0]));
        Assert.Equal(1, argMax[0]);
    }

    private static MaxoutOnlyNet Hand()
    {
        var network = new MaxoutOnlyNet();
        s_weight.AsSpan().CopyTo(MaxoutOnlyNet.Layers.Max.Weight.Slice(network.Parameters));
        s_bias.AsSpan().CopyTo(MaxoutOnlyNet.Layers.Max.Bias.Slice(network.Parameters));
        return network;
    }
}
