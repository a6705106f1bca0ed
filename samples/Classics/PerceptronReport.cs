using System.IO;
using System.Linq;
using NetGen.Samples.Classics.Perceptron;

namespace NetGen.Samples.Classics;

/// <summary>The perceptron command: trains AND, OR and XOR and prints what each came to.</summary>
public static class PerceptronReport
{
    /// <summary>Runs the command; 0 when AND and OR were learned and XOR was not, as theory says.</summary>
    public static int Run(SampleOptions options, TextWriter output)
    {
        output.WriteLine($"Rosenblatt's perceptron y = step(w·x + b), η = {PerceptronTraining.LearningRate}, weights from 0, rows in order, at most {options.MaxEpochs} epochs");
        var results = LogicGate.All.Select(gate => PerceptronTraining.Train(gate, options.MaxEpochs)).ToList();
        foreach (var result in results)
        {
            output.WriteLine();
            output.WriteLine(result.Learned
                ? $"{result.Gate.Name}: learned in {result.Epochs} epochs"
                : $"{result.Gate.Name}: not learned after {result.Epochs} epochs; {result.WrongRows.Count} rows still wrong");
            output.WriteLine("  line " + LineText.Of(result.Weight1, result.Weight2, result.Bias, "0.###"));
            output.WriteLine($"  wrong rows after each epoch: {string.Join(' ', result.WrongRowsPerEpoch.Take(12))}{(result.Epochs > 12 ? " …" : string.Empty)}");
            output.WriteLine("  x₁ x₂ | t | y");
            for (var row = 0; row < result.Gate.Rows; row++)
            {
                output.WriteLine($"  {LogicGate.Inputs[2 * row]}  {LogicGate.Inputs[(2 * row) + 1]}  | {result.Gate.Targets[row]} | {result.Outputs[row]}{(result.WrongRows.Contains(row) ? "  wrong" : string.Empty)}");
            }
        }

        if (options.PlotsDirectory is { } directory)
        {
            output.WriteLine();
            output.WriteLine("wrote " + Path.GetRelativePath(Directory.GetCurrentDirectory(), PerceptronFigure.Save(results, Path.Combine(directory, "perceptron-decision-lines.png"))));
        }

        return results[0].Learned && results[1].Learned && !results[2].Learned ? 0 : 1;
    }
}
