using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using System.Xml.Linq;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests;

/// <summary>
/// <c>dotnet pack</c> makes one NetGen package that a project outside this repository uses with a single
/// PackageReference, restored from a local folder feed alone: its network compiles and trains, and a shape mistake fails
/// its build with the NG diagnostic, so the generator and analyzers reach it from <c>analyzers/dotnet/cs</c>.
/// </summary>
[Collection(RealBuildCollection.Name)]
public sealed class NuGetPackageTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(8);

    private static readonly string[] s_expectedEntries =
    [
        "lib/net10.0/NetGen.Runtime.dll",
        "lib/net10.0/NetGen.Runtime.xml",
        "lib/net10.0/NetGen.Attributes.dll",
        "lib/net10.0/NetGen.Attributes.xml",
        "analyzers/dotnet/cs/NetGen.Generator.dll",
        "analyzers/dotnet/cs/NetGen.CodeFixes.dll",
        "PACKAGE.md",
    ];

    private const string ConsumerProject = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
            <RestorePackagesPath>$(MSBuildThisFileDirectory)packages</RestorePackagesPath>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="NetGen" Version="VERSION" />
          </ItemGroup>
        </Project>
        """;

    private const string ConsumerProgram = """
        using NetGen;
        using NetGen.Optimizers;

        var network = new Consumer.XorNet();
        network.Initialize(seed: 3);
        float[] inputs = [0, 0, 0, 1, 1, 0, 1, 1];
        float[] targets = [0, 1, 1, 0];
        var history = network.Fit(inputs, targets, new TrainingOptions { Epochs = 400, BatchSize = 4, Optimizer = new Adam(0.05f) });
        var outputs = new float[4];
        network.Forward(inputs, outputs);
        var learned = outputs.Select((output, i) => MathF.Round(output) == targets[i]).All(right => right);
        Console.WriteLine($"consumer: {Consumer.XorNet.ParameterCount} parameters, final loss {history.Last!.Loss:F4}, outputs {string.Join(" ", outputs.Select(o => o.ToString("F3")))}, learned: {learned}");
        return learned ? 0 : 1;

        namespace Consumer
        {
            [Network(Loss = Loss.BinaryCrossEntropy)]
            [Input(2)]
            [Dense(4, Name = "Hidden", Activation = Activation.Tanh)]
            [Dense(1, Name = "Output", Activation = Activation.Sigmoid)]
            public partial class XorNet;
        }
        """;

    private const string ShapeMistake = """
        using NetGen;

        namespace Consumer;

        [Network]
        [Input(1, 28, 28)]
        [Conv2D(4, Kernel = 3, Name = "Features")]
        [Dense(10, Name = "Logits")]
        public partial class MissingFlatten;
        """;

    [Fact]
    public async Task A_project_outside_the_repository_uses_the_package_with_one_reference()
    {
        var root = RepositoryRoot.Locate();
        var work = Path.Combine(Path.GetTempPath(), "netgen-package-" + Guid.NewGuid().ToString("N"));
        var feed = Path.Combine(work, "feed");
        var consumer = Path.Combine(work, "consumer");
        try
        {
            await RunAsync(root, "pack", "src/NetGen.Runtime", "-c", "Release", "-o", feed, "--nologo");
            var package = Directory.GetFiles(feed, "NetGen.*.nupkg").Single();
            var version = Path.GetFileNameWithoutExtension(package)["NetGen.".Length..];
            AssertPackageContents(package, version);

            WriteConsumer(consumer, feed, version);
            await RunAsync(consumer, "build", "-c", "Release", "--nologo");
            // The package's targets have the app compile methods with loops (the kernels) optimized at once.
            var runtimeConfig = Directory.GetFiles(Path.Combine(consumer, "bin"), "*.runtimeconfig.json", SearchOption.AllDirectories).Single();
            Assert.Contains("\"System.Runtime.TieredCompilation.QuickJitForLoops\": false", File.ReadAllText(runtimeConfig), StringComparison.Ordinal);
            var run = await RunAsync(consumer, "run", "-c", "Release", "--no-build");
            Assert.Contains("consumer: 17 parameters", run.Output, StringComparison.Ordinal);
            Assert.Contains("learned: True", run.Output, StringComparison.Ordinal);

            File.WriteAllText(Path.Combine(consumer, "MissingFlatten.cs"), ShapeMistake);
            var broken = await DotnetCli.RunAsync(consumer, s_timeout, "build", "-c", "Release", "--nologo", "-clp:NoSummary");
            Assert.False(broken.TimedOut, "The consumer's build did not finish.\n" + broken.Output);
            Assert.True(
                broken.ExitCode != 0 && broken.Output.Contains("MissingFlatten.cs(8,2): error NG0010", StringComparison.Ordinal),
                "The consumer's build should fail with NG0010 on the Dense layer after the convolution. It exited with " + broken.ExitCode + ":\n" + broken.Output);
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    [Fact]
    public void Generated_code_is_stamped_with_the_package_version()
    {
        var informational = typeof(NetworkGenerator).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        var packageVersion = informational.Split('+')[0];
        Assert.Equal(Emit.GeneratorVersion.Text, packageVersion);
    }

    private static void AssertPackageContents(string package, string version)
    {
        using var archive = ZipFile.OpenRead(package);
        var entries = archive.Entries.Select(entry => entry.FullName).ToHashSet(StringComparer.Ordinal);
        var missing = s_expectedEntries.Where(entry => !entries.Contains(entry)).ToList();
        Assert.True(missing.Count == 0, "The package lacks " + string.Join(", ", missing) + ". It holds:\n" + string.Join("\n", entries.Order()));

        using var nuspecStream = archive.Entries.Single(entry => entry.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        var nuspec = XDocument.Load(nuspecStream);
        var metadata = nuspec.Root!.Elements().Single(element => element.Name.LocalName == "metadata");
        string Field(string name) => metadata.Elements().Single(element => element.Name.LocalName == name).Value;
        Assert.Equal("NetGen", Field("id"));
        Assert.Equal(version, Field("version"));
        Assert.Equal("PACKAGE.md", Field("readme"));
        Assert.False(string.IsNullOrWhiteSpace(Field("description")));

        // The attributes, generator and code fixes travel inside the package, never as packages of their own.
        var dependencies = metadata.Descendants().Where(element => element.Name.LocalName == "dependency").Select(element => element.Attribute("id")?.Value).ToList();
        Assert.Empty(dependencies);
    }

    /// <summary>A project alone in its folder: its own feed (the package just made, nothing else) and its own package cache.</summary>
    private static void WriteConsumer(string consumer, string feed, string version)
    {
        Directory.CreateDirectory(consumer);
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), ConsumerProject.Replace("VERSION", version, StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(consumer, "Program.cs"), ConsumerProgram);
        File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="netgen-local" value="{feed}" />
              </packageSources>
            </configuration>
            """);

        // Stop MSBuild's upward search for Directory.Build.* and Directory.Packages.props at the consumer's folder.
        foreach (var name in new[] { "Directory.Build.props", "Directory.Build.targets" })
        {
            File.WriteAllText(Path.Combine(consumer, name), "<Project />\n");
        }
    }

    private static async Task<DotnetResult> RunAsync(string directory, params string[] arguments)
    {
        var result = await DotnetCli.RunAsync(directory, s_timeout, arguments);
        var report = "\n" + result.CommandLine + " (in " + directory + ")\nexited with " + result.ExitCode + ". Its output:\n" + result.Output;
        Assert.False(result.TimedOut, "The command did not finish within " + s_timeout + "." + report);
        Assert.True(result.ExitCode == 0, "The command failed." + report);
        return result;
    }
}
