using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace NetGen.Samples.Classics;

/// <summary>The command line's options after the command.</summary>
/// <param name="PlotsDirectory">Where to write the figures, or null for none.</param>
/// <param name="MaxEpochs">The perceptron's epoch budget per gate.</param>
/// <param name="Seed">The seed of the logistic regression's data and initial weights.</param>
public sealed record SampleOptions(string? PlotsDirectory, int MaxEpochs, int Seed)
{
    /// <summary>How to call the sample.</summary>
    public const string Usage = """
        usage: Classics perceptron|linear|logistic [--plots DIR] [--max-epochs N] [--seed N]
          perceptron      Rosenblatt's rule on AND, OR and XOR (--max-epochs per gate, default 100)
          linear          the lecture's linear-regression walk-through (three steps of gradient descent)
          logistic        logistic regression on two Gaussian blobs (--seed, default 7)
          --plots DIR     write the command's figure as a PNG into DIR
        """;

    /// <summary>Reads the options; false with the problem when one is unknown or lacks a valid value.</summary>
    public static bool TryRead(string[] args, [NotNullWhen(true)] out SampleOptions? options, [NotNullWhen(false)] out string? problem)
    {
        options = new SampleOptions(null, 100, 7);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length)
            {
                return Fail($"{args[i]} needs a value.", out options, out problem);
            }

            var value = args[i + 1];
            switch (args[i])
            {
                case "--plots":
                    options = options with { PlotsDirectory = value };
                    break;
                case "--max-epochs" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var epochs) && epochs > 0:
                    options = options with { MaxEpochs = epochs };
                    break;
                case "--seed" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed):
                    options = options with { Seed = seed };
                    break;
                default:
                    return Fail($"Unknown option or bad value: {args[i]} {value}.", out options, out problem);
            }
        }

        problem = null;
        return true;
    }

    private static bool Fail(string message, out SampleOptions? options, out string problem)
    {
        options = null;
        problem = message;
        return false;
    }
}
