using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests;

/// <summary>
/// The command most people type to publish natively, <c>dotnet publish -r &lt;rid&gt; -p:PublishAot=true</c>, works on an
/// app that declares a network: the netstandard2.0 generator, code fixes and attributes keep the property from reaching
/// them (NETSDK1207), nothing warns about trimming, and the native binary trains XOR on vector kernels.
/// </summary>
[Collection(RealBuildCollection.Name)]
public sealed class NativeAotPublishTests
{
    private static readonly TimeSpan s_publishTimeout = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task The_xor_sample_publishes_with_native_aot_without_warnings_and_trains()
    {
        var root = RepositoryRoot.Locate();
        var output = Path.Combine(Path.GetTempPath(), "netgen-aot-" + Guid.NewGuid().ToString("N"));
        try
        {
            var publish = await DotnetCli.RunAsync(root, s_publishTimeout, "publish", "samples/Xor", "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier,
                "-p:PublishAot=true", "-o", output, "--nologo", "-clp:NoSummary");

            var report = "\n" + publish.CommandLine + "\nexited with " + publish.ExitCode + ". Its output:\n" + publish.Output;
            Assert.False(publish.TimedOut, "The publish did not finish within " + s_publishTimeout + "." + report);
            Assert.True(publish.ExitCode == 0, "The NativeAOT publish failed." + report);
            Assert.DoesNotContain("warning", publish.Output, StringComparison.OrdinalIgnoreCase);

            var binary = Path.Combine(output, OperatingSystem.IsWindows() ? "Xor.exe" : "Xor");
            Assert.True(File.Exists(binary), "No native binary at " + binary + "." + report);
            using var process = Process.Start(new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var printed = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, "The native XOR binary exited with " + process.ExitCode + ":\n" + printed + await process.StandardError.ReadToEndAsync());
            Assert.Contains("Learned XOR in", printed, StringComparison.Ordinal);

            // Without an instruction set above the x64 baseline the kernels would fall back to scalar code (NetGen.targets).
            Assert.DoesNotContain("scalar kernels", printed, StringComparison.Ordinal);
            Assert.Matches("AVX2\\+FMA kernels|AVX-512 kernels", printed);
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }
}
