using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests.Sources;

/// <summary>One malformed declaration: <see cref="Source"/> is <see cref="Seed"/> after the mutation its name describes.</summary>
internal sealed record DeclarationVariant(string Name, string Seed, string Source);

/// <summary>
/// Derives malformed declarations from a few valid seed networks: every single-token deletion of the
/// attributes and the class header, every argument replaced by out-of-range or ill-typed values, named
/// arguments duplicated or misspelled, the attributes shuffled, moved onto other members or types, and
/// the class turned into kinds of type NetGen does not support. The same variants come out on every run:
/// every random choice comes from <see cref="RandomSeed"/>.
/// </summary>
internal static class DeclarationMutations
{
    /// <summary>Seeds every random choice (per seed network, offset by its position among the seeds).</summary>
    public const int RandomSeed = 8785;

    private const int PermutationsPerSeed = 6;

    private const int RandomMisspellingsPerArgument = 1;

    /// <summary>What replaces each argument value, with a label for the variant's name.</summary>
    private static readonly (string Label, string Text)[] s_replacementValues =
    {
        ("0", "0"),
        ("-1", "-1"),
        ("int.MaxValue", "int.MaxValue"),
        ("int.MinValue", "int.MinValue"),
        ("string", "\"x\""),
        ("double", "1.5"),
        ("null", "null"),
        ("undefined-enum", "(Activation)99"),
    };

    /// <summary>What replaces the class keyword.</summary>
    private static readonly (string Label, string Keyword)[] s_typeKeywords =
    {
        ("struct", "struct"),
        ("record", "record"),
        ("record-class", "record class"),
        ("record-struct", "record struct"),
        ("interface", "interface"),
    };

    /// <summary>Modifiers added in front of the class's own.</summary>
    private static readonly (string Label, string Modifier)[] s_addedModifiers =
    {
        ("static", "static"),
        ("abstract", "abstract"),
        ("sealed", "sealed"),
        ("unsafe", "unsafe"),
        ("new", "new"),
    };

    /// <summary>The types the class is nested in: none partial, or partial but generic.</summary>
    private static readonly (string Label, string Header)[] s_outerTypes =
    {
        ("class", "public class Outer"),
        ("static-class", "internal static class Outer"),
        ("struct", "public struct Outer"),
        ("record", "public record Outer"),
        ("interface", "public interface Outer"),
        ("partial-generic-class", "public partial class Outer<T>"),
        ("partial-struct", "internal partial struct Outer"),
    };

    /// <summary>Layer names that are lowercase or contextual keywords, which the generated classes Layers.&lt;name&gt; must carry without a warning.</summary>
    private static readonly string[] s_layerNames = { "hidden", "x", "var", "value", "record", "file", "required", "scoped", "field", "async", "_" };

    /// <summary>Members added to the class: some declared by the generated part too, some overloads or other names beside it.</summary>
    private static readonly (string Label, string Member)[] s_addedMembers =
    {
        ("const-InputSize", "public const int InputSize = 1;"),
        ("Forward-same-signature", "public void Forward(System.ReadOnlySpan<float> inputs, System.Span<float> outputs) { }"),
        ("Forward-overload", "public void Forward(float[] inputs) { }"),
        ("property-Parameters", "public int Parameters { get; set; }"),
        ("method-Seed", "public void Seed() { }"),
        ("field-_parameters", "private readonly float[] _parameters = new float[1];"),
        ("class-Layers", "public sealed class Layers { }"),
        ("explicit-INetwork-InputSize", "int NetGen.INetwork.InputSize => 1;"),
        ("unrelated-property", "public int Width { get; } = 3;"),
    };

    /// <summary>
    /// The valid networks every variant starts from, each with a call into its generated members so that
    /// analyzers of call sites see it too: each generates code that compiles, with no diagnostic (a test checks it).
    /// </summary>
    public static IReadOnlyList<(string Name, string Source)> Seeds { get; } = new[]
    {
        ("DenseMlp", """
            using NetGen;

            namespace Fuzz.Dense;

            [Network(Loss = Loss.SoftmaxCrossEntropy, Reduction = LossReduction.Sum)]
            [Input(784)]
            [Dense(128, Name = "Hidden", Activation = Activation.ReLU, Initializer = Initializer.HeNormal)]
            [Dense(64, Activation = Activation.LeakyReLU, Alpha = 0.1, Bias = false)]
            [Dense(10, Name = "Logits")]
            public partial class DenseMlp;

            internal static class DenseMlpUsage
            {
                internal static float[] Run(DenseMlp network) => network.Predict(new float[784]);
            }
            """),
        ("LeNet5", """
            using NetGen;

            namespace Fuzz.Vision
            {
                [Network(Loss = Loss.SoftmaxCrossEntropy)]
                [Input(1, 28, 28)]
                [Conv2D(6, Name = "Conv1", Kernel = 5, Padding = 2, Activation = Activation.ReLU)]
                [MaxPool2D(2)]
                [Conv2D(16, Kernel = 5, Stride = 1, Initializer = Initializer.HeUniform, Bias = false)]
                [AvgPool2D(2, Name = "Pool2", Stride = 2, Padding = 0)]
                [Flatten]
                [Dense(120, Activation = Activation.ELU, Alpha = 1.0)]
                [Dense(84)]
                [Dense(10)]
                internal partial class LeNet5
                {
                }

                internal static class LeNet5Usage
                {
                    internal static void Run(LeNet5 network) => network.Forward(new float[2 * 784], new float[2 * 10]);
                }
            }
            """),
        ("Xor", """
            using NetGen;

            [Network(Loss = Loss.BinaryCrossEntropy)]
            [Input(2)]
            [Dense(4, Name = "Hidden", Activation = Activation.Tanh)]
            [Dense(1, Name = "Output", Activation = Activation.Sigmoid)]
            public sealed partial class XorNet;

            internal static class XorUsage
            {
                internal static float Run(XorNet network) => network.ComputeLoss([0f, 1f, 1f, 0f], [1f, 1f]);
            }
            """),
        ("NestedRegressor", """
            using NetGen;

            namespace Fuzz.Nested;

            public static partial class Models
            {
                [Network(Reduction = LossReduction.Mean)]
                [Input(4, 4)]
                [Flatten]
                [Dense(3, Activation = Activation.PReLU, Alpha = 0.25)]
                [Dense(1)]
                internal partial class Regressor;
            }

            internal static class RegressorUsage
            {
                internal static float[] Run(Models.Regressor network) => network.Predict(new float[16]);
            }
            """),
        ("SequenceClassifier", """
            using NetGen;

            namespace Fuzz.Recurrent;

            [Network(Loss = Loss.SoftmaxCrossEntropy)]
            [Input(12, 4, Sequence = true)]
            [Gru(8, Name = "Encoder", ReturnSequences = true, Initializer = Initializer.XavierUniform)]
            [SimpleRnn(6, ReturnSequences = true, Activation = Activation.ReLU, Bias = false)]
            [Dense(5, PerStep = true, Activation = Activation.Tanh)]
            [Lstm(7, Name = "Memory", Bptt = 4)]
            [Dense(3, Name = "Logits")]
            public partial class SequenceClassifier;

            internal static class SequenceClassifierUsage
            {
                internal static float[] Run(SequenceClassifier network) => network.Predict(new float[48]);
            }
            """),
    };

    /// <summary>Every variant, seed by seed, each mutation in a fixed order; no two share a source and none equals its seed.</summary>
    public static IReadOnlyList<DeclarationVariant> All { get; } = Derive();

    public static IReadOnlyDictionary<string, DeclarationVariant> ByName { get; } =
        All.ToDictionary(variant => variant.Name, StringComparer.Ordinal);

    /// <summary>Derives the variants afresh (<see cref="All"/> holds them, derived once).</summary>
    public static IReadOnlyList<DeclarationVariant> Derive()
    {
        var variants = new List<DeclarationVariant>();
        var sources = new HashSet<string>(StringComparer.Ordinal);
        var replacedArguments = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < Seeds.Count; index++)
        {
            var seed = new SeedNetwork(Seeds[index].Name, Seeds[index].Source);
            var random = new Random(RandomSeed + index);
            var mutations = TokenDeletions(seed)
                .Concat(ValueReplacements(seed, replacedArguments))
                .Concat(DuplicatedNamedArguments(seed))
                .Concat(MisspelledNamedArguments(seed, random))
                .Concat(Reorderings(seed, random))
                .Concat(MovedAttributes(seed))
                .Concat(ChangedTypes(seed))
                .Concat(RenamedLayers(seed))
                .Concat(AddedMembers(seed));
            foreach (var (mutation, source) in mutations)
            {
                if (!string.Equals(source, seed.Source, StringComparison.Ordinal) && sources.Add(source))
                {
                    variants.Add(new DeclarationVariant(seed.Name + "/" + mutation, seed.Name, source));
                }
            }
        }

        return variants;
    }

    /// <summary>Each token from the first attribute to the end of the class header (its ';' or '{'), deleted alone.</summary>
    private static IEnumerable<(string Name, string Source)> TokenDeletions(SeedNetwork seed)
    {
        var declaration = seed.Class;
        var start = declaration.AttributeLists[0].SpanStart;
        var end = declaration.SemicolonToken.IsKind(SyntaxKind.SemicolonToken)
            ? declaration.SemicolonToken.Span.End
            : declaration.OpenBraceToken.Span.End;
        var tokens = declaration.DescendantTokens()
            .Where(token => token.SpanStart >= start && token.Span.End <= end && token.Span.Length > 0)
            .ToList();
        for (var index = 0; index < tokens.Count; index++)
        {
            yield return ("delete-token-" + Number(index, "D3") + "(" + tokens[index].Text + ")", seed.Edit((tokens[index].Span, string.Empty)));
        }
    }

    /// <summary>
    /// Each argument, positional or named, replaced by each of <see cref="s_replacementValues"/>: once per kind of
    /// attribute, argument and value (the first seed to have a "Dense, Alpha, -1" gets it, the others do not).
    /// </summary>
    private static IEnumerable<(string Name, string Source)> ValueReplacements(SeedNetwork seed, HashSet<string> replacedArguments)
    {
        foreach (var (attribute, label) in seed.Attributes)
        {
            var positional = 0;
            foreach (var argument in attribute.ArgumentList?.Arguments ?? default)
            {
                var argumentLabel = argument.NameEquals?.Name.Identifier.Text ?? "arg" + Number(positional++, "D");
                foreach (var (valueLabel, text) in s_replacementValues)
                {
                    if (replacedArguments.Add(attribute.Name + "." + argumentLabel + "=" + valueLabel))
                    {
                        yield return ("value/" + label + "." + argumentLabel + "=" + valueLabel, seed.Edit((argument.Expression.Span, text)));
                    }
                }
            }
        }
    }

    private static IEnumerable<(string Name, string Source)> DuplicatedNamedArguments(SeedNetwork seed)
    {
        foreach (var (_, label, argument, name) in NamedArguments(seed))
        {
            yield return ("duplicate/" + label + "." + name, seed.Edit((new TextSpan(argument.Span.End, 0), ", " + argument)));
        }
    }

    /// <summary>Each named argument spelled in lower case, and once more with a random typo (letters swapped, dropped or doubled).</summary>
    private static IEnumerable<(string Name, string Source)> MisspelledNamedArguments(SeedNetwork seed, Random random)
    {
        foreach (var (_, label, argument, name) in NamedArguments(seed))
        {
            var identifier = argument.NameEquals!.Name.Identifier;
            var misspellings = new List<string> { char.ToLowerInvariant(name[0]) + name.Substring(1) };
            for (var attempt = 0; misspellings.Count < 1 + RandomMisspellingsPerArgument && attempt < 20; attempt++)
            {
                var typo = Typo(name, random);
                if (!misspellings.Contains(typo, StringComparer.Ordinal) && !string.Equals(typo, name, StringComparison.Ordinal))
                {
                    misspellings.Add(typo);
                }
            }

            foreach (var misspelling in misspellings)
            {
                yield return ("misspell/" + label + "." + name + "->" + misspelling, seed.Edit((identifier.Span, misspelling)));
            }
        }
    }

    private static string Typo(string name, Random random)
    {
        var position = random.Next(name.Length - 1);
        return random.Next(3) switch
        {
            0 => name.Substring(0, position) + name[position + 1] + name[position] + name.Substring(position + 2),
            1 => name.Remove(position, 1),
            _ => name.Insert(position, name[position].ToString()),
        };
    }

    /// <summary>Several random orders of the attribute lists, [Network] included; never the original order.</summary>
    private static IEnumerable<(string Name, string Source)> Reorderings(SeedNetwork seed, Random random)
    {
        var lists = seed.Class.AttributeLists;
        var identity = Enumerable.Range(0, lists.Count).ToArray();
        var produced = new HashSet<string>(StringComparer.Ordinal) { string.Join(",", identity) };
        for (var attempt = 0; produced.Count <= PermutationsPerSeed && attempt < 100; attempt++)
        {
            var order = identity.ToArray();
            for (var index = order.Length - 1; index > 0; index--)
            {
                var other = random.Next(index + 1);
                (order[index], order[other]) = (order[other], order[index]);
            }

            var key = string.Join(",", order);
            if (produced.Add(key))
            {
                var edits = lists.Select((list, index) => (list.Span, lists[order[index]].ToString())).ToArray();
                yield return ("reorder/" + string.Join("-", order), seed.Edit(edits));
            }
        }
    }

    /// <summary>The attributes (all of them, or all but [Network]) moved off the class onto a method, a property or a struct.</summary>
    private static IEnumerable<(string Name, string Source)> MovedAttributes(SeedNetwork seed)
    {
        var lists = seed.Class.AttributeLists;
        var selections = new (string Label, AttributeListSyntax[] Moved)[]
        {
            ("all", lists.ToArray()),
            ("layers", lists.Where(list => !list.Attributes.Any(attribute => attribute.Name.ToString() == "Network")).ToArray()),
        };
        var targets = new (string Label, string Member, bool InsideClass)[]
        {
            ("method", "public void Configure() { }", true),
            ("property", "public int Width { get; set; }", true),
            ("field", "public int Depth;", true),
            ("nested-struct", "public struct Shape { }", true),
            ("struct", "internal struct " + seed.Class.Identifier.Text + "Shape { }", false),
        };

        foreach (var (selectionLabel, moved) in selections)
        {
            var attributes = string.Join("\n", moved.Select(list => list.ToString()));
            foreach (var (targetLabel, member, insideClass) in targets)
            {
                var edits = moved.Select(list => (list.FullSpan, string.Empty)).ToList();
                var memberText = attributes + "\n" + member;
                if (!insideClass)
                {
                    edits.Add((new TextSpan(seed.Class.Span.End, 0), "\n" + memberText));
                }
                else if (seed.Class.SemicolonToken.IsKind(SyntaxKind.SemicolonToken))
                {
                    edits.Add((seed.Class.SemicolonToken.Span, "\n{\n" + memberText + "\n}"));
                }
                else
                {
                    edits.Add((new TextSpan(seed.Class.OpenBraceToken.Span.End, 0), "\n" + memberText));
                }

                yield return ("move-" + selectionLabel + "-to-" + targetLabel, seed.Edit(edits.ToArray()));
            }
        }
    }

    /// <summary>The class made another kind of type, given modifiers NetGen rejects, made generic, renamed, or nested in a type that is not partial.</summary>
    private static IEnumerable<(string Name, string Source)> ChangedTypes(SeedNetwork seed)
    {
        var declaration = seed.Class;
        var keyword = declaration.Keyword;
        var firstModifier = declaration.Modifiers.Count > 0 ? declaration.Modifiers[0].SpanStart : keyword.SpanStart;
        var identifier = declaration.Identifier;

        foreach (var (label, replacement) in s_typeKeywords)
        {
            yield return ("type/" + label, seed.Edit((keyword.Span, replacement)));
        }

        foreach (var (label, modifier) in s_addedModifiers)
        {
            yield return ("type/" + label, seed.Edit((new TextSpan(firstModifier, 0), modifier + " ")));
        }

        var accessibility = declaration.Modifiers.FirstOrDefault(modifier =>
            modifier.IsKind(SyntaxKind.PublicKeyword) || modifier.IsKind(SyntaxKind.InternalKeyword));
        yield return ("type/file-local", accessibility.IsKind(SyntaxKind.None)
            ? seed.Edit((new TextSpan(firstModifier, 0), "file "))
            : seed.Edit((accessibility.Span, "file")));
        yield return ("type/private", accessibility.IsKind(SyntaxKind.None)
            ? seed.Edit((new TextSpan(firstModifier, 0), "private "))
            : seed.Edit((accessibility.Span, "private")));

        var partial = declaration.Modifiers.First(modifier => modifier.IsKind(SyntaxKind.PartialKeyword));
        yield return ("type/not-partial", seed.Edit((TextSpan.FromBounds(partial.SpanStart, partial.GetNextToken().SpanStart), string.Empty)));

        var afterIdentifier = new TextSpan(identifier.Span.End, 0);
        yield return ("type/generic", seed.Edit((afterIdentifier, "<T>")));
        yield return ("type/generic-constrained", seed.Edit((afterIdentifier, "<TFirst, TSecond> where TFirst : struct")));
        yield return ("type/named-Layers", seed.Edit((identifier.Span, "Layers")));
        yield return ("type/keyword-named", seed.Edit((identifier.Span, "@class")));
        yield return ("type/derived-from-string", seed.Edit((afterIdentifier, " : string")));
        yield return ("type/derived-from-exception", seed.Edit((afterIdentifier, " : System.Exception")));
        yield return ("type/implements-unknown", seed.Edit((afterIdentifier, " : IUnknownInterface")));
        yield return ("type/primary-constructor", seed.Edit((afterIdentifier, "(int width)")));
        yield return ("type/second-part-not-partial", seed.Edit((new TextSpan(declaration.Span.End, 0),
            "\n" + declaration.Modifiers.Where(modifier => !modifier.IsKind(SyntaxKind.PartialKeyword)).Select(modifier => modifier.Text + " ").Aggregate(string.Empty, string.Concat) +
            "class " + identifier.Text + " { }")));

        foreach (var (label, header) in s_outerTypes)
        {
            yield return ("nested-in/" + label, seed.Edit((declaration.Span, header + "\n{\n" + declaration + "\n}")));
        }
    }

    /// <summary>The first layer name of the seed replaced by each of <see cref="s_layerNames"/>.</summary>
    private static IEnumerable<(string Name, string Source)> RenamedLayers(SeedNetwork seed)
    {
        var name = NamedArguments(seed).FirstOrDefault(named => named.Name == "Name");
        if (name.Argument is null)
        {
            yield break;
        }

        foreach (var layerName in s_layerNames)
        {
            yield return ("layer-name/" + name.Label + "=" + layerName, seed.Edit((name.Argument.Expression.Span, "\"" + layerName + "\"")));
        }
    }

    /// <summary>Each of <see cref="s_addedMembers"/> declared in the class.</summary>
    private static IEnumerable<(string Name, string Source)> AddedMembers(SeedNetwork seed)
    {
        foreach (var (label, member) in s_addedMembers)
        {
            yield return ("member/" + label, seed.Class.SemicolonToken.IsKind(SyntaxKind.SemicolonToken)
                ? seed.Edit((seed.Class.SemicolonToken.Span, "\n{\n" + member + "\n}"))
                : seed.Edit((new TextSpan(seed.Class.OpenBraceToken.Span.End, 0), "\n" + member)));
        }
    }

    private static IEnumerable<(AttributeSyntax Attribute, string Label, AttributeArgumentSyntax Argument, string Name)> NamedArguments(SeedNetwork seed) =>
        from pair in seed.Attributes
        from argument in pair.Attribute.ArgumentList?.Arguments ?? default
        where argument.NameEquals is not null
        select (pair.Attribute, pair.Label, argument, argument.NameEquals!.Name.Identifier.Text);

    private static string Number(int value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>A seed's source with its network class located, and text edits applied to it.</summary>
    private sealed class SeedNetwork
    {
        public SeedNetwork(string name, string source)
        {
            Name = name;
            Source = source;
            var root = CSharpSyntaxTree.ParseText(source, TestCompilation.ParseOptions).GetRoot();
            Class = root.DescendantNodes().OfType<ClassDeclarationSyntax>().Single(candidate => candidate.AttributeLists.Count > 0);
            Attributes = Class.AttributeLists
                .SelectMany(list => list.Attributes)
                .Select((attribute, index) => (attribute, Number(index, "D") + "-" + attribute.Name))
                .ToList();
        }

        public string Name { get; }

        public string Source { get; }

        public ClassDeclarationSyntax Class { get; }

        /// <summary>Each attribute with a label naming its position and kind ("2-Conv2D").</summary>
        public IReadOnlyList<(AttributeSyntax Attribute, string Label)> Attributes { get; }

        /// <summary>The source with each span replaced by its text; the spans must not overlap.</summary>
        public string Edit(params (TextSpan Span, string Text)[] edits)
        {
            var builder = new StringBuilder(Source);
            foreach (var (span, text) in edits.OrderByDescending(edit => edit.Span.Start))
            {
                builder.Remove(span.Start, span.Length).Insert(span.Start, text);
            }

            return builder.ToString();
        }
    }
}
