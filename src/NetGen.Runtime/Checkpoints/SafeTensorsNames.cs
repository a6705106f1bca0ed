using System;
using System.Collections.Generic;
using System.Linq;

namespace NetGen;

/// <summary>
/// Which tensor of a safetensors file fills each of a network's tensors. For "Layer.Role" it takes, in this order:
/// the tensor named exactly "Layer.Role"; else the one named so ignoring case ("layer.role", PyTorch's "hidden.weight"
/// for "Hidden.Weight"); else the one named as PyTorch names the role, ignoring case: batch normalisation's Gamma, Beta,
/// RunningMean and RunningVariance as "layer.weight", "layer.bias", "layer.running_mean", "layer.running_var", and a
/// recurrent layer's InputWeight, RecurrentWeight, InputBias and RecurrentBias as nn.LSTM, nn.GRU and nn.RNN name their
/// one layer's: "layer.weight_ih_l0", "layer.weight_hh_l0", "layer.bias_ih_l0", "layer.bias_hh_l0". When a step finds
/// more than one tensor the name is ambiguous, which is an error, never a guess.
/// </summary>
internal sealed class SafeTensorsNames
{
    /// <summary>PyTorch's batch counter of batch normalisation, which NetGen (momentum only) has no use for: never loaded, never "extra".</summary>
    public const string PyTorchBatchCounterSuffix = ".num_batches_tracked";

    private static readonly Dictionary<string, string> s_pyTorchRoles = new(StringComparer.Ordinal)
    {
        ["Gamma"] = "weight",
        ["Beta"] = "bias",
        ["RunningMean"] = "running_mean",
        ["RunningVariance"] = "running_var",
        ["InputWeight"] = "weight_ih_l0",
        ["RecurrentWeight"] = "weight_hh_l0",
        ["InputBias"] = "bias_ih_l0",
        ["RecurrentBias"] = "bias_hh_l0",
    };

    private readonly Dictionary<string, SafeTensorsEntry> _byName;
    private readonly ILookup<string, SafeTensorsEntry> _byNameIgnoringCase;

    public SafeTensorsNames(IEnumerable<SafeTensorsEntry> entries)
    {
        var list = entries.ToList();
        _byName = list.ToDictionary(entry => entry.Name, StringComparer.Ordinal);
        _byNameIgnoringCase = list.ToLookup(entry => entry.Name, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Whether <paramref name="entry"/> is PyTorch bookkeeping that loading skips without complaint.</summary>
    public static bool IsIgnoredPyTorchBookkeeping(SafeTensorsEntry entry) =>
        entry.Name.EndsWith(PyTorchBatchCounterSuffix, StringComparison.Ordinal);

    /// <summary>The file's tensor for <paramref name="tensor"/>, or null with <paramref name="problem"/> saying what was looked for or which names are ambiguous.</summary>
    public SafeTensorsEntry? Find(NamedTensor tensor, out string problem)
    {
        problem = "";
        if (_byName.TryGetValue(tensor.Name, out var exact))
        {
            return exact;
        }

        var lookedFor = new List<string> { tensor.Name };
        foreach (var name in AlternativeNames(tensor.Name))
        {
            var matches = _byNameIgnoringCase[name].ToList();
            if (matches.Count == 1)
            {
                return matches[0];
            }

            if (matches.Count > 1)
            {
                problem = $"'{tensor.Name}' {TensorShapes.Describe(tensor.Shape)} is ambiguous: the file has " +
                    string.Join(" and ", matches.Select(match => SafeTensorsText.Quote(match.Name))) + ", equal ignoring case";
                return null;
            }

            if (!lookedFor.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                lookedFor.Add(name);
            }
        }

        problem = $"no tensor for '{tensor.Name}' {TensorShapes.Describe(tensor.Shape)} (looked for {string.Join(", ", lookedFor.Select(name => "'" + name + "'"))}, ignoring case)";
        return null;
    }

    /// <summary>The names, compared ignoring case, that stand for <paramref name="name"/> after the exact one: itself, then PyTorch's.</summary>
    private static IEnumerable<string> AlternativeNames(string name)
    {
        yield return name;
        var dot = name.LastIndexOf('.');
        if (dot > 0 && s_pyTorchRoles.TryGetValue(name[(dot + 1)..], out var pyTorchRole))
        {
            yield return name[..(dot + 1)] + pyTorchRole;
        }
    }
}
