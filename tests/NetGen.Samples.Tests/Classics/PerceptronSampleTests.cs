using System.IO;
using System.Linq;
using NetGen.Samples.Classics;
using NetGen.Samples.Classics.Perceptron;

namespace NetGen.Samples.Tests.Classics;

/// <summary>Rosenblatt's perceptron learns the linearly separable gates and never XOR.</summary>
public sealed class PerceptronSampleTests
{
    [Fact]
    public void And_is_learned_within_ten_epochs_with_every_row_right()
    {
        var result = PerceptronTraining.Train(LogicGate.And, maxEpochs: 10);

        Assert.True(result.Learned);
        Assert.Equal(LogicGate.And.Targets, result.Outputs);
        Assert.True(result.Epochs <= 10);
    }

    [Fact]
    public void Or_is_learned_within_ten_epochs_with_every_row_right()
    {
        var result = PerceptronTraining.Train(LogicGate.Or, maxEpochs: 10);

        Assert.True(result.Learned);
        Assert.Equal(LogicGate.Or.Targets, result.Outputs);
    }

    [Fact]
    public void Xor_is_never_learned_and_every_epoch_leaves_a_row_wrong()
    {
        var result = PerceptronTraining.Train(LogicGate.Xor, maxEpochs: 1000);

        Assert.False(result.Learned);
        Assert.Equal(1000, result.Epochs);
        Assert.All(result.WrongRowsPerEpoch, wrong => Assert.True(wrong >= 1));
        Assert.NotEmpty(result.WrongRows);
    }

    [Fact]
    public void The_learned_and_line_separates_the_true_row_from_the_others()
    {
        var result = PerceptronTraining.Train(LogicGate.And, maxEpochs: 10);

        var sides = Enumerable.Range(0, 4)
            .Select(row => (result.Weight1 * LogicGate.Inputs[2 * row]) + (result.Weight2 * LogicGate.Inputs[(2 * row) + 1]) + result.Bias >= 0)
            .ToArray();
        Assert.Equal([false, false, false, true], sides);
    }

    [Fact]
    public void The_command_succeeds_and_writes_the_decision_lines_figure()
    {
        var directory = Directory.CreateTempSubdirectory("classics-perceptron-");
        try
        {
            using var output = new StringWriter();

            var exitCode = PerceptronReport.Run(new SampleOptions(directory.FullName, 100, 7), output);

            Assert.Equal(0, exitCode);
            Assert.Contains("XOR: not learned after 100 epochs", output.ToString(), System.StringComparison.Ordinal);
            var figure = new FileInfo(Path.Combine(directory.FullName, "perceptron-decision-lines.png"));
            Assert.True(figure.Exists && figure.Length > 1000);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
