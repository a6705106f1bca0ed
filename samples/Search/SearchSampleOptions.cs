using System;
using System.Globalization;

namespace NetGen.Samples.Search;

/// <summary>The sample's command line.</summary>
public sealed record SearchSampleOptions(
    string? DataDirectory,
    int Limit,
    int? RandomTrials,
    int MaxEpochs,
    int Patience,
    int Parallel,
    int Seed,
    bool EvaluateOnTest)
{
    /// <summary>The options when none are given.</summary>
    public static SearchSampleOptions Default { get; } = new(null, 6000, null, 15, 2, 1, 1, true);

    /// <summary>The text of --help.</summary>
    public const string Usage = """
        Searches the learning rate, batch size and optimizer of an MNIST perceptron with NetGen, trains every trial
        with early stopping on held-out images, and prints the trials ranked by validation loss.

        Usage: dotnet run --project samples/Search -c Release -- [options]

          --data-dir PATH   where the four MNIST IDX files are (default data/mnist, or NETGEN_MNIST_DIR)
          --limit N         search on the first N training images, 20 % of them held out (default 6000)
          --random N        random search of N trials, learning rate log-uniform in [1e-4, 0.3]
                            (default: grid search of 18 trials, lr 0.001/0.01/0.1 × batch 32/128 × sgd/momentum/adam)
          --max-epochs N    the most epochs per trial (default 15)
          --patience N      epochs without a lower validation loss before a trial stops (default 2)
          --parallel N      trials trained at once, the CPU threads shared between them (default 1)
          --seed N          initialisation, shuffling, split and random draws (default 1)
          --no-test         do not score the best network on the 10,000 test images
          --help            this text
        """;

    /// <summary>Reads the command line.</summary>
    /// <exception cref="ArgumentException">An option is unknown, lacks its value or has one out of range.</exception>
    /// <exception cref="HelpRequested">--help was given.</exception>
    public static SearchSampleOptions Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = Default;
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            switch (name)
            {
                case "--help" or "-h":
                    throw new HelpRequested();
                case "--no-test":
                    options = options with { EvaluateOnTest = false };
                    continue;
            }

            if (i + 1 >= args.Length)
            {
                throw new ArgumentException($"{name} needs a value.");
            }

            var value = args[++i];
            options = name switch
            {
                "--data-dir" => options with { DataDirectory = value },
                "--limit" => options with { Limit = AtLeast(name, value, 10) },
                "--random" => options with { RandomTrials = AtLeast(name, value, 1) },
                "--max-epochs" => options with { MaxEpochs = AtLeast(name, value, 1) },
                "--patience" => options with { Patience = AtLeast(name, value, 0) },
                "--parallel" => options with { Parallel = AtLeast(name, value, 1) },
                "--seed" => options with { Seed = Integer(name, value) },
                _ => throw new ArgumentException($"Unknown option {name}."),
            };
        }

        return options;
    }

    private static int Integer(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new ArgumentException($"{name} needs an integer; got '{value}'.");

    private static int AtLeast(string name, string value, int minimum) =>
        Integer(name, value) is var number && number >= minimum
            ? number
            : throw new ArgumentException($"{name} must be at least {minimum}; got '{value}'.");
}

/// <summary>Thrown by <see cref="SearchSampleOptions.Parse"/> for --help.</summary>
public sealed class HelpRequested : Exception;
