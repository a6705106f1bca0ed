using System.Globalization;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests;

/// <summary>
/// NG0018 warns when a window never reads rows or columns of the input itself; padding that no window reaches loses
/// nothing, so the strided, padded layers of PyTorch and Keras models build without a warning.
/// </summary>
public sealed class StrideCoverageTests
{
    [Theory]
    [InlineData("[Input(3, 32, 32)] [Conv2D(4, Kernel = 3, Stride = 2, Padding = 1)]")]
    [InlineData("[Input(3, 224, 224)] [Conv2D(8, Kernel = 7, Stride = 2, Padding = 3)]")]
    [InlineData("[Input(3, 112, 112)] [MaxPool2D(3, Stride = 2, Padding = 1)]")]
    [InlineData("[Input(1, 7, 7)] [AvgPool2D(2, Padding = 1)]")]
    public void WindowsThatSkipOnlyPaddingDoNotWarn(string layers)
    {
        var run = GeneratorHarness.Run("""
            using NetGen;

            namespace Demo;

            /// <summary>A strided, padded layer.</summary>
            [Network]
            """ + "\n" + layers + """

            [Flatten]
            [Dense(1)]
            public partial class StridedNet;
            """);

        DiagnosticAssert.None(run.NetGenDiagnostics, "NetGen diagnostics");
        Assert.Single(run.GeneratedSources);
        DiagnosticAssert.None(run.OutputErrorsAndWarnings, "errors or warnings in the output compilation");
    }

    [Theory]
    [InlineData("[Input(1, 28, 27)] [MaxPool2D(3)]", "MaxPool2D 'MaxPool2D1' with a 3×3 window, stride 3 and padding 0 never reads the last 1 row of its 28×27 input")]
    [InlineData("[Input(1, 27, 29)] [MaxPool2D(3)]", "MaxPool2D 'MaxPool2D1' with a 3×3 window, stride 3 and padding 0 never reads the last 2 columns of its 27×29 input")]
    [InlineData("[Input(3, 38, 38)] [Conv2D(4, Kernel = 5, Stride = 4, Padding = 1)]", "Conv2D 'Conv2D1' with a 5×5 window, stride 4 and padding 1 never reads the last 2 rows and 2 columns of its 38×38 input")]
    public void WindowsThatSkipInputRowsOrColumnsWarnWithTheirCount(string layers, string message)
    {
        var run = GeneratorHarness.Run("using NetGen;\n[Network]\n" + layers + "\n[Flatten]\n[Dense(1)]\npublic partial class SkippingNet;");

        var diagnostic = Assert.Single(run.NetGenDiagnostics);
        Assert.Equal("NG0018", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(message, diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }
}
