using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace NetGen.Bench.TorchSharpPeer;

/// <summary>A workload's command line: <c>--name value</c> options and <c>--flag</c> switches, each known in advance.</summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, string> _values;
    private readonly HashSet<string> _flags;

    private Arguments(Dictionary<string, string> values, HashSet<string> flags)
    {
        _values = values;
        _flags = flags;
    }

    /// <exception cref="UsageException">An option is unknown, repeated or lacks its value.</exception>
    public static Arguments Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> options, IReadOnlyCollection<string> flags)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (flags.Contains(name))
            {
                set.Add(name);
            }
            else if (options.Contains(name))
            {
                if (i + 1 >= args.Count)
                {
                    throw new UsageException($"{name} needs a value.");
                }

                if (!values.TryAdd(name, args[++i]))
                {
                    throw new UsageException($"{name} is given twice.");
                }
            }
            else
            {
                throw new UsageException($"Unknown argument '{name}'; this workload takes {string.Join(", ", options.Concat(flags))}.");
            }
        }

        return new Arguments(values, set);
    }

    public bool Has(string flag) => _flags.Contains(flag);

    public string Text(string name, string fallback) => _values.GetValueOrDefault(name, fallback);

    public string Choice(string name, string fallback, params string[] choices)
    {
        var value = Text(name, fallback);
        return choices.Contains(value, StringComparer.Ordinal)
            ? value
            : throw new UsageException($"{name} takes {string.Join(" or ", choices)}, not '{value}'.");
    }

    public int Integer(string name, int fallback)
        => _values.TryGetValue(name, out var text) ? ParseInteger(name, text, minimum: int.MinValue) : fallback;

    public int Positive(string name, int fallback)
        => _values.TryGetValue(name, out var text) ? ParseInteger(name, text, minimum: 1) : fallback;

    public int? OptionalPositive(string name)
        => _values.TryGetValue(name, out var text) ? ParseInteger(name, text, minimum: 1) : null;

    public double NonNegative(string name, double fallback)
    {
        if (!_values.TryGetValue(name, out var text))
        {
            return fallback;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : throw new UsageException($"{name} needs a number of at least 0, not '{text}'.");
    }

    public IReadOnlyList<int> PositiveList(string name, IReadOnlyList<int> fallback)
        => _values.TryGetValue(name, out var text)
            ? text.Split(',', StringSplitOptions.TrimEntries).Select(part => ParseInteger(name, part, minimum: 1)).ToArray()
            : fallback;

    private static int ParseInteger(string name, string text, int minimum)
        => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= minimum
            ? value
            : throw new UsageException(minimum == 1 ? $"{name} needs a positive integer, not '{text}'." : $"{name} needs an integer, not '{text}'.");
}

/// <summary>Bad arguments or missing data: the program says why on standard error and exits with code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
