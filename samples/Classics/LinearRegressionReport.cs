using System.IO;
using NetGen.Samples.Classics.Regression;

namespace NetGen.Samples.Classics;

/// <summary>The linear command: the walk-through, printed as the lecture prints it.</summary>
public static class LinearRegressionReport
{
    /// <summary>Runs the command; always 0.</summary>
    public static int Run(TextWriter output)
    {
        output.WriteLine("y = w·x, cost ξ = Σ (t − y)², w(k+1) = w(k) − μ·∂ξ/∂w on the 20 points (LineThroughOrigin, SGD at η = 2μ on ½ Σ (y − t)²)");
        foreach (var step in LinearRegressionWalkthrough.Run())
        {
            output.WriteLine($"lr={LinearRegressionWalkthrough.SeedLearningRate}\t w({step.Step}): {step.Weight:F6}\t cost: {step.Cost:F6}");
        }

        return 0;
    }
}
