using System.IO;
using NetGen.Samples.Classics;
using NetGen.Samples.Classics.Regression;

namespace NetGen.Samples.Tests.Classics;

/// <summary>
/// Logistic regression on two blobs whose best boundary is x₁ + x₂ = 4 (about 97.8 % right): the fit must come close
/// to it; a flipped sign, a lost bias or a gradient of the wrong scale would not.
/// </summary>
public sealed class LogisticRegressionSampleTests
{
    private static readonly LogisticResult s_result = LogisticRegressionTraining.Run(seed: 7);

    [Fact]
    public void The_fit_classifies_at_least_96_percent_of_the_points()
    {
        Assert.True(s_result.Accuracy >= 0.96, $"accuracy {s_result.Accuracy:P1}");
    }

    [Fact]
    public void The_boundarys_normal_points_within_ten_degrees_of_the_direction_between_the_centres()
    {
        var angle = BoundaryGeometry.AngleToBestDirection(s_result);

        Assert.True(angle < 10, $"angle {angle:0.0}°");
    }

    [Fact]
    public void The_boundary_passes_within_a_fifth_of_a_unit_of_the_centres_midpoint()
    {
        var distance = BoundaryGeometry.MidpointDistance(s_result);

        Assert.InRange(distance, -0.2, 0.2);
    }

    [Fact]
    public void The_command_writes_the_boundary_figure()
    {
        var directory = Directory.CreateTempSubdirectory("classics-logistic-");
        try
        {
            using var output = new StringWriter();

            var exitCode = LogisticRegressionReport.Run(new SampleOptions(directory.FullName, 100, 7), output);

            Assert.Equal(0, exitCode);
            Assert.Contains("accuracy on the data", output.ToString(), System.StringComparison.Ordinal);
            Assert.True(new FileInfo(Path.Combine(directory.FullName, "logistic-regression-boundary.png")).Length > 1000);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
