using System;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using NetGen.Tests.Networks;
using Xunit.Abstractions;

namespace NetGen.Tests.Checkpoints;

/// <summary>
/// Files written by SafeTensors.Save read outside NetGen: Reference/read_safetensors.py parses them with json, struct and
/// NumPy only, runs the network forward in NumPy and prints its predictions, which must be NetGen's.
/// </summary>
public sealed class SafeTensorsNumPyTests(ITestOutputHelper output) : TemporaryDirectory
{
    // Debian's interpreter, by full path: a python3 earlier on PATH (pyenv's shim, a virtual environment) may lack NumPy.
    // scripts/test.sh installs python3-numpy for it; without it this test fails rather than skips.
    private const string Python = "/usr/bin/python3";
    private const string Install = "Run scripts/test.sh, which installs python3-numpy, or: sudo apt-get install python3-numpy.";
    private const double RelativeTolerance = 1e-5;
    private const double AbsoluteFloor = 1e-6;

    private delegate void Predictor(ReadOnlySpan<float> samples, Span<float> predictions);

    [Fact]
    public void A_batch_norm_mlp_saved_by_NetGen_predicts_the_same_in_NumPy()
    {
        var network = TrainedNetworks.Create<BatchNormNet>(seed: 12);
        AssertNumPyPredictsAsNetGen(network, network.Predict);
    }

    [Fact]
    public void A_convolutional_network_saved_by_NetGen_predicts_the_same_in_NumPy()
    {
        var network = TrainedNetworks.Create<ConvMaxPoolNet>(seed: 13);
        AssertNumPyPredictsAsNetGen(network, network.Predict);
    }

    private void AssertNumPyPredictsAsNetGen(INetwork network, Predictor predict)
    {
        const int Batch = 3;
        var path = PathOf(network.Name + ".safetensors");
        SafeTensors.Save(network, path);
        var inputs = TrainedNetworks.RandomValues(new Random(network.Name.Length), Batch * network.InputSize);
        var inputsPath = PathOf("inputs.json");
        File.WriteAllText(inputsPath, JsonSerializer.Serialize(new { batch = Batch, inputs }));

        using var result = JsonDocument.Parse(RunPython(Path.Combine(AppContext.BaseDirectory, "Reference", "read_safetensors.py"), path, inputsPath));

        Assert.Equal(network.Name, result.RootElement.GetProperty("network").GetString());
        Assert.Equal(SafeTensorsFiles.ReadHeader(path).Header.GetProperty("__metadata__").GetProperty("layout").GetString(), result.RootElement.GetProperty("layout").GetString());
        var expected = new float[Batch * network.OutputSize];
        predict(inputs, expected);
        var numPy = result.RootElement.GetProperty("outputs").EnumerateArray().Select(value => value.GetDouble()).ToArray();
        Assert.Equal(expected.Length, numPy.Length);
        var (absolute, relative) = (0.0, 0.0);
        for (var i = 0; i < numPy.Length; i++)
        {
            var error = Math.Abs(expected[i] - numPy[i]);
            (absolute, relative) = (Math.Max(absolute, error), Math.Max(relative, error / Math.Abs(numPy[i])));
            Assert.True(error <= RelativeTolerance * Math.Abs(numPy[i]) + AbsoluteFloor, $"prediction {i}: NetGen {expected[i]:R}, NumPy {numPy[i]:R}");
        }

        output.WriteLine($"{network.Name}: largest difference from NumPy {absolute:E2} absolute, {relative:E2} relative");
    }

    private static string RunPython(params string[] arguments)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception error)
        {
            throw new InvalidOperationException($"{Python} could not be started ({error.Message}). {Install}", error);
        }

        using (process)
        {
            var standardError = process.StandardError.ReadToEndAsync();
            var standardOutput = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
            {
                process.Kill();
                Assert.Fail($"{Python} {string.Join(' ', arguments)} ran for over a minute.");
            }

            var errors = standardError.Result;
            if (errors.Contains("No module named 'numpy'", StringComparison.Ordinal))
            {
                Assert.Fail($"{Python} cannot import NumPy. {Install}");
            }

            Assert.True(process.ExitCode == 0, $"{Python} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{errors}");
            return standardOutput;
        }
    }
}
