using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace NetGen.Samples.Sequences;

/// <summary>The sample's command line: the command, then options.</summary>
public sealed record SampleOptions(
    string Command,
    SequenceCell? Cell,
    int? Epochs,
    int Seed,
    int? Threads,
    IReadOnlyList<int>? Lengths,
    int? Limit,
    string? DataDirectory)
{
    public const string Usage = """
        Recurrent networks on sequences: row-by-row MNIST, and the adding problem that shows the vanishing gradient.

        Usage: dotnet run --project samples/Sequences -c Release -- mnist|adding [options]

          mnist                 each digit read as 28 steps of one 28-pixel row: [Lstm(128)] [Dense(10)],
                                softmax cross-entropy, Adam 0.001, batch 128; prints the loss, test
                                accuracy and time of every epoch
          adding                the adding problem at T = 10, 30 and 50 steps: SimpleRnn, Lstm and Gru of
                                32 units, each after the same 2,000 Adam steps on the same data; prints
                                a table of validation MSE against always predicting 1.0

          --cell rnn|lstm|gru   mnist: the recurrent layer (default lstm); adding: this cell only (default
                                all three)
          --epochs N            passes over the training set (default: mnist 5, adding 10)
          --seed N              initialisation, shuffling and adding-problem data (default 1)
          --threads N           CPU threads (default: every core)
          --lengths LIST        adding: sequence lengths among 10,30,50, comma-separated (default all three)
          --limit N             mnist: train on the first N images only
          --data-dir PATH       mnist: where the four MNIST IDX files are (default data/mnist, or
                                NETGEN_MNIST_DIR); fetched with scripts/fetch-mnist.sh when missing
          --help                this text
        """;

    /// <exception cref="HelpRequested">--help or -h.</exception>
    /// <exception cref="ArgumentException">A command or option is unknown, or a value invalid; the message says which.</exception>
    public static SampleOptions Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Any(arg => arg is "--help" or "-h"))
        {
            throw new HelpRequested();
        }

        if (args.Length == 0)
        {
            throw new ArgumentException("Name a command: mnist or adding.");
        }

        var command = args[0].ToLowerInvariant();
        if (command is not ("mnist" or "adding"))
        {
            throw new ArgumentException($"Unknown command '{args[0]}': mnist or adding.");
        }

        var options = new SampleOptions(command, null, null, 1, null, null, null, null);
        for (var i = 1; i < args.Length; i++)
        {
            var name = args[i];
            if (i + 1 >= args.Length)
            {
                throw new ArgumentException($"{name} needs a value.");
            }

            var value = args[++i];
            options = name switch
            {
                "--cell" => options with { Cell = SequenceCells.Parse(value) ?? throw new ArgumentException($"--cell must be rnn, lstm or gru; got '{value}'.") },
                "--epochs" => options with { Epochs = Positive(name, value) },
                "--seed" => options with { Seed = Integer(name, value) },
                "--threads" => options with { Threads = Positive(name, value) },
                "--lengths" when command == "adding" => options with { Lengths = LengthList(value) },
                "--limit" when command == "mnist" => options with { Limit = Positive(name, value) },
                "--data-dir" when command == "mnist" => options with { DataDirectory = value },
                "--lengths" or "--limit" or "--data-dir" => throw new ArgumentException($"{name} does not apply to {command}."),
                _ => throw new ArgumentException($"Unknown option {name}."),
            };
        }

        return options;
    }

    /// <summary>The row-by-row MNIST settings these options ask for.</summary>
    public RowMnistSettings RowMnist => new(Cell ?? SequenceCell.Lstm, Epochs ?? 5, Seed: Seed, TrainingLimit: Limit);

    /// <summary>The adding-problem settings these options ask for.</summary>
    public AddingSettings Adding
    {
        get
        {
            var settings = new AddingSettings { Seed = Seed };
            return settings with
            {
                Epochs = Epochs ?? settings.Epochs,
                Cells = Cell is { } cell ? [cell] : settings.Cells,
                Lengths = Lengths ?? settings.Lengths,
            };
        }
    }

    private static int[] LengthList(string value)
    {
        var lengths = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(text => Integer("--lengths", text))
            .Distinct()
            .ToArray();
        var undeclared = lengths.Except(AddingNetworks.Lengths).ToArray();
        return lengths.Length > 0 && undeclared.Length == 0
            ? lengths
            : throw new ArgumentException($"--lengths takes some of {string.Join(",", AddingNetworks.Lengths)} (the lengths the sample declares networks for); got '{value}'.");
    }

    private static int Integer(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new ArgumentException($"{name} needs an integer; got '{value}'.");

    private static int Positive(string name, string value) =>
        Integer(name, value) is var number and > 0 ? number : throw new ArgumentException($"{name} must be at least 1; got '{value}'.");
}

/// <summary>Thrown by <see cref="SampleOptions.Parse"/> for --help.</summary>
public sealed class HelpRequested : Exception;
