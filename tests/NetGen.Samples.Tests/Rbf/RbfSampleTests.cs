using System;
using NetGen.Samples.Rbf;

namespace NetGen.Samples.Tests.Rbf;

/// <summary>The RBF sample shows what it claims: on the damped sine the k-means-initialised RBF network fits far better than the tanh network of equal size.</summary>
public sealed class RbfSampleTests
{
    // The sample's own run: well under a second, shared by the tests.
    private static readonly Lazy<FitResult> Result = new(() => FitExperiment.Run(new FitSettings()));

    [Fact]
    public void Both_networks_have_the_same_number_of_parameters()
    {
        Assert.Equal(31, Result.Value.Rbf.Parameters);
        Assert.Equal(Result.Value.Rbf.Parameters, Result.Value.Tanh.Parameters);
    }

    [Fact]
    public void The_rbf_network_fits_the_function_closely()
    {
        // The run shows 0.0030 against the noiseless truth (the truth's own variance is about 0.13).
        Assert.True(Result.Value.Rbf.TestMse < 0.01, $"RBF test MSE {Result.Value.Rbf.TestMse}");
    }

    [Fact]
    public void The_rbf_network_beats_the_tanh_network_by_a_wide_margin()
    {
        // The run shows 0.0030 against 0.158: the tanh network is still near the flat mean after the same 400 epochs.
        Assert.True(Result.Value.Rbf.TestMse * 10 < Result.Value.Tanh.TestMse, $"RBF {Result.Value.Rbf.TestMse}, tanh {Result.Value.Tanh.TestMse}");
    }

    [Fact]
    public void The_k_means_width_is_a_fraction_of_the_scaled_input_range()
    {
        // Ten centres over [−1, 1] sit about 0.2 apart; the run gives σ = 0.185.
        Assert.InRange(Result.Value.InitialWidth, 0.1f, 0.3f);
    }
}
