using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using NetGen.Onnx.Tests.Infrastructure;

namespace NetGen.Onnx.Tests;

/// <summary>
/// The ONNX project's own model checker (Debian's python3-onnx, which scripts/test.sh installs) accepts every exported
/// model with its full check, shape inference included.
/// </summary>
public sealed class OnnxCheckerTests
{
    private const string Python = "/usr/bin/python3";

    private const string CheckScript =
        "import sys, onnx\n" +
        "for path in sys.argv[1:]:\n" +
        "    onnx.checker.check_model(onnx.load(path), full_check=True)\n" +
        "print('checked', len(sys.argv) - 1)\n";

    [Fact]
    public void TheOnnxCheckerAcceptsEveryExportedModel()
    {
        var directory = Directory.CreateTempSubdirectory("netgen-onnx-");
        try
        {
            var paths = TestNetworks.All.Select(name =>
            {
                var path = Path.Combine(directory.FullName, name + ".onnx");
                OnnxExport.Save(TestNetworks.Create(name), path);
                return path;
            }).ToList();
            paths.Add(Path.Combine(directory.FullName, "WithSoftmax.onnx"));
            OnnxExport.Save(TestNetworks.Create("Samples.LeNet5"), paths[^1], new OnnxExportOptions { AppendSoftmax = true, Opset = 17 });

            var (exitCode, output) = RunPython(["-c", CheckScript, .. paths]);

            Assert.True(exitCode == 0, "onnx.checker.check_model refused a model:\n" + output);
            Assert.Contains("checked " + paths.Count, output);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static (int ExitCode, string Output) RunPython(string[] arguments)
    {
        if (!File.Exists(Python))
        {
            Assert.Fail($"{Python} is missing: the ONNX checker test needs Python 3 with the onnx package (apt-get install python3-onnx; scripts/test.sh installs it).");
        }

        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + Python);
        var standardError = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd() + standardError.Result;
        process.WaitForExit();
        if (output.Contains("No module named 'onnx'", StringComparison.Ordinal))
        {
            Assert.Fail($"{Python} has no onnx module: install python3-onnx (apt-get install python3-onnx; scripts/test.sh installs it).");
        }

        return (process.ExitCode, output);
    }
}
