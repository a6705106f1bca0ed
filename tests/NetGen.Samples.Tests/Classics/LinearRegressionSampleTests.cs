using System.Globalization;
using System.Linq;
using NetGen.Samples.Classics.Regression;

namespace NetGen.Samples.Tests.Classics;

/// <summary>The walk-through prints the lecture's numbers: w and ξ after each of three steps, to six decimals.</summary>
public sealed class LinearRegressionSampleTests
{
    private static readonly string[] SeedWeights = ["0.100000", "1.703317", "1.928828", "1.960546"];
    private static readonly string[] SeedCosts = ["30.162236", "0.840337", "0.260257", "0.248782"];

    [Fact]
    public void Each_step_prints_the_lectures_weight_to_six_decimals()
    {
        var walk = LinearRegressionWalkthrough.Run();

        Assert.Equal(SeedWeights, walk.Select(step => step.Weight.ToString("F6", CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Each_step_prints_the_lectures_cost_to_six_decimals()
    {
        var walk = LinearRegressionWalkthrough.Run();

        Assert.Equal(SeedCosts, walk.Select(step => step.Cost.ToString("F6", CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void The_networks_own_summed_squared_error_is_half_the_lectures_cost()
    {
        foreach (var step in LinearRegressionWalkthrough.Run())
        {
            Assert.Equal(step.Cost / 2, step.NetworkLoss, 1e-6 * step.Cost);
        }
    }

    [Fact]
    public void Each_step_is_the_lectures_update_w_minus_mu_times_the_sum_of_2x_y_minus_t()
    {
        var walk = LinearRegressionWalkthrough.Run();

        for (var k = 1; k < walk.Count; k++)
        {
            double previous = walk[k - 1].Weight;
            var gradient = WalkthroughData.Inputs.Zip(WalkthroughData.Targets, (x, t) => 2.0 * x * ((previous * x) - t)).Sum();
            Assert.Equal(previous - (LinearRegressionWalkthrough.SeedLearningRate * gradient), walk[k].Weight, 1e-6);
        }
    }
}
