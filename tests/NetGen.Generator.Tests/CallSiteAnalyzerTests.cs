using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Analyzers;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests;

/// <summary>
/// Calls whose float buffers have a length known at build time get NG0021 at the argument when they do not
/// hold whole samples of the network; calls the build cannot judge, and calls to classes that are not
/// networks, get nothing.
/// </summary>
public sealed class CallSiteAnalyzerTests
{
    private const string AnalyzerFailedId = "AD0001";

    /// <summary>XorNet: 2 floats in, 1 out. PairNet: 3 in, 2 out.</summary>
    private const string Networks = """
        using NetGen;

        namespace Demo;

        [Network(Loss = Loss.BinaryCrossEntropy)]
        [Input(2)]
        [Dense(4, Name = "Hidden", Activation = Activation.Tanh)]
        [Dense(1, Name = "Output", Activation = Activation.Sigmoid)]
        public partial class XorNet;

        [Network]
        [Input(3)]
        [Dense(2, Name = "Output")]
        public partial class PairNet;
        """;

    [Fact]
    public async Task NewFloat3AsInputsReportsNG0021()
    {
        await AssertSingleWarning(
            "xor.Fit([|new float[3]|], new float[1]);",
            "'inputs' holds 3 floats, which is not a whole number of XorNet samples of 2 floats");
    }

    [Fact]
    public async Task CollectionExpressionAsTargetsReportsNG0021()
    {
        await AssertSingleWarning(
            "pair.ComputeLoss(new float[6], [|[1f, 0f, 1f]|]);",
            "'targets' holds 3 floats, which is not a whole number of PairNet outputs of 2 floats");
    }

    [Fact]
    public async Task PredictWithTheWrongSampleLengthReportsNG0021()
    {
        await AssertSingleWarning(
            "xor.Predict([|new[] { 1f, 0f, 1f }|]);",
            "'sample' holds 3 floats, but one XorNet sample is 2 floats");
    }

    [Fact]
    public async Task PredictWithTwoSamplesForOneReportsNG0021()
    {
        await AssertSingleWarning(
            "xor.Predict([|[0f, 1f, 1f, 0f]|]);",
            "'sample' holds 4 floats, but one XorNet sample is 2 floats");
    }

    [Fact]
    public async Task TargetsForFewerSamplesThanInputsReportNG0021()
    {
        await AssertSingleWarning(
            "xor.Fit(new float[8], [|new float[3]|]);",
            "'targets' holds 3 samples of XorNet's 1 output but 'inputs' holds 4");
    }

    [Fact]
    public async Task OutputsForMoreSamplesThanInputsReportNG0021()
    {
        await AssertSingleWarning(
            "pair.Forward(new float[3], [|new float[4]|]);",
            "'outputs' holds 2 samples of PairNet's 2 outputs but 'inputs' holds 1");
    }

    [Theory]
    [InlineData("xor.Evaluate([|new float[0]|], new float[1]);", "'inputs' holds no floats, but it needs at least one XorNet sample of 2 floats")]
    [InlineData("const int N = 5; XorNet.CreateDataset([|new float[N]|], new float[2]);", "'inputs' holds 5 floats, which is not a whole number of XorNet samples of 2 floats")]
    [InlineData("pair.TrainStep([|new float[] { 1f, 2f }|], new float[2], optimizer);", "'inputs' holds 2 floats, which is not a whole number of PairNet samples of 3 floats")]
    [InlineData("xor.ComputeGradients(targets: new float[1], [|inputs: new float[3]|]);", "'inputs' holds 3 floats, which is not a whole number of XorNet samples of 2 floats")]
    [InlineData("pair.Predict(new float[6], [|(Span<float>)new float[3]|]);", "'predictions' holds 3 floats, which is not a whole number of PairNet outputs of 2 floats")]
    [InlineData("pair.Predict(samples: new float[9], [|predictions: new float[4]|]);", "'predictions' holds 2 samples of PairNet's 2 outputs but 'samples' holds 3")]
    public async Task OtherKnownLengthsReportNG0021(string markedStatements, string message)
    {
        await AssertSingleWarning(markedStatements, message);
    }

    [Fact]
    public async Task RightSizesReportNothing()
    {
        var run = await RunAsync("""
            const int Samples = 4;
            xor.Forward(new float[Samples * XorNet.InputSize], new float[Samples * XorNet.OutputSize]);
            xor.Predict([0f, 1f]);
            xor.Predict(new float[] { 0f, 1f, 1f, 0f }, new float[2]);
            xor.ComputeLoss(new[] { 0f, 1f }, [1f]);
            xor.ComputeGradients(new float[4], new float[2]);
            pair.TrainStep(new float[6], [1f, 0f, 0f, 1f], optimizer);
            xor.Fit(new float[8], new float[4]);
            xor.Evaluate(new float[2], new float[1], batchSize: 3);
            PairNet.CreateDataset(new float[3], new float[2]);
            """);

        DiagnosticAssert.None(run.AnalyzerDiagnostics, "analyzer diagnostics");
    }

    [Fact]
    public async Task LengthsNotKnownAtBuildTimeReportNothing()
    {
        var run = await RunAsync("""
            xor.Fit(data, data);
            xor.Fit(new float[count], new float[3]);
            xor.Predict([.. data]);
            xor.Predict(data.AsSpan(0, 3));
            xor.Forward(NewBuffer(3), new float[count]);
            """);

        DiagnosticAssert.None(run.AnalyzerDiagnostics, "analyzer diagnostics");
    }

    [Fact]
    public async Task MethodsOfClassesThatAreNotNetworksReportNothing()
    {
        var run = await RunAsync("""
            new Lookalike().Fit(new float[3], new float[1]);
            new Lookalike().Predict([1f, 2f, 3f]);
            new Impostor().Fit(new float[3], new float[1]);
            """);

        DiagnosticAssert.None(run.AnalyzerDiagnostics, "analyzer diagnostics");
    }

    public static TheoryData<string> HalfTypedCallNames => new(HalfTypedCalls.Keys.OrderBy(name => name, StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(HalfTypedCallNames))]
    public async Task HalfTypedCallsDoNotMakeTheAnalyzerThrow(string callName)
    {
        var run = await AnalyzerHarness.RunAsync(new CallSiteShapeAnalyzer(), Usage(HalfTypedCalls[callName]), Networks, BrokenNetwork);

        Assert.Empty(run.Exceptions);
        DiagnosticAssert.None(run.WithId(AnalyzerFailedId), "analyzer failures");
    }

    [Fact]
    public void AnalyzerSupportsNG0021AsAWarningWithItsHelpLink()
    {
        var descriptor = Assert.Single(new CallSiteShapeAnalyzer().SupportedDiagnostics);

        Assert.Equal("NG0021", descriptor.Id);
        Assert.Equal(DiagnosticSeverity.Warning, descriptor.DefaultSeverity);
        Assert.Equal("docs/diagnostics.md#ng0021", descriptor.HelpLinkUri);
    }

    private static IReadOnlyDictionary<string, string> HalfTypedCalls { get; } = new Dictionary<string, string>
    {
        ["UnclosedCall"] = "xor.Fit(new float[3], ",
        ["UnclosedArray"] = "xor.Predict(new float[",
        ["MissingArgument"] = "xor.Forward(new float[3]);",
        ["EmptyNamedArgument"] = "xor.Predict(sample: );",
        ["NegativeSize"] = "xor.Fit(new float[-1], new float[1]);",
        ["InitializerLongerThanSize"] = "xor.Fit(new float[2] { 1f, 2f, 3f }, new float[1]);",
        ["FractionalSize"] = "xor.Fit(new float[2.5], new float[1]);",
        ["UndefinedConstant"] = "xor.Fit(new float[Missing], new float[1]);",
        ["LongSize"] = "xor.Fit(new float[long.MaxValue], new float[3L]);",
        ["TwoDimensionalArray"] = "xor.Fit(new float[2, 1], new float[1]);",
        ["WrongElementTypes"] = "xor.Fit(new double[3], new int[1]);",
        ["HalfTypedSpread"] = "xor.Predict([1f, ..]);",
        ["InstanceMethodOnType"] = "XorNet.Predict(new float[3]);",
        ["NetworkWithErrors"] = "new Broken().Fit(new float[3], new float[1]);",
        ["UnknownMethod"] = "xor.Fitt(new float[3], new float[1]);",
    };

    /// <summary>A network with an error: the generator emits no members, so no InputSize either.</summary>
    private const string BrokenNetwork = """
        using NetGen;

        namespace Demo;

        [Network]
        [Dense(1)]
        public partial class Broken;
        """;

    private static async Task AssertSingleWarning(string markedStatements, string message)
    {
        var marked = MarkedSource.Parse(Usage(markedStatements));

        var run = await AnalyzerHarness.RunAsync(new CallSiteShapeAnalyzer(), marked.Source, Networks);

        DiagnosticAssert.None(run.CompilerErrors, "compiler errors");
        var diagnostic = Assert.Single(run.AnalyzerDiagnostics);
        Assert.Equal("NG0021", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(message, diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal(TestCompilation.DefaultPath, diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(marked.Span, diagnostic.Location.SourceSpan);
        Assert.Equal(marked.MarkedText, run.Generator.TextUnder(diagnostic));
    }

    private static async Task<AnalyzerRun> RunAsync(string statements)
    {
        var run = await AnalyzerHarness.RunAsync(new CallSiteShapeAnalyzer(), Usage(statements), Networks);

        DiagnosticAssert.None(run.CompilerErrors, "compiler errors");
        Assert.Empty(run.Exceptions);
        return run;
    }

    /// <summary>The statements in a method that has both networks, an optimizer, an array and a count of unknown length at hand, beside two classes that look like networks but are not.</summary>
    private static string Usage(string statements) => $$"""
        using System;
        using NetGen.Optimizers;

        namespace Demo
        {
            public static class Usage
            {
                public static void Run(XorNet xor, PairNet pair, Optimizer optimizer, float[] data, int count)
                {
                    {{statements}}
                }

                private static float[] NewBuffer(int length) => new float[length];
            }

            public sealed class Lookalike
            {
                public const int InputSize = 2;
                public const int OutputSize = 1;

                public void Fit(float[] inputs, float[] targets) => Console.WriteLine(inputs.Length + targets.Length);

                public float[] Predict(ReadOnlySpan<float> sample) => sample.ToArray();
            }

            [Other.Network]
            public sealed class Impostor
            {
                public const int InputSize = 2;
                public const int OutputSize = 1;

                public void Fit(float[] inputs, float[] targets) => Console.WriteLine(inputs.Length + targets.Length);
            }
        }

        namespace Other
        {
            [AttributeUsage(AttributeTargets.Class)]
            public sealed class NetworkAttribute : Attribute;
        }
        """;
}
