using System.IO;
using System.Linq;

namespace NetGen.Bench.Peers;

/// <summary>
/// Builds the TorchSharp peer (bench/peers/torchsharp, outside NetGen.sln) into the run's scratch directory, once per
/// run, and makes it loadable on this system: libLibTorchSharp.so requires libstdc++'s <c>GLIBCXX_3.4.32</c>, which
/// Debian 12's libstdc++ (3.4.30) lacks. The only symbol of that version is <c>std::ios_base_library_init()</c>, a marker
/// nothing calls, so the requirement is marked weak in the build output's copy (never the NuGet cache's).
/// </summary>
internal static class TorchSharpBuild
{
    public const string MissingVersion = "GLIBCXX_3.4.32";
    private const string Project = "bench/peers/torchsharp/TorchSharpPeer.csproj";
    private const string Library = "libLibTorchSharp.so";
    private const string Program = "torchsharp_peer";
    private static readonly string[] s_libraryDirectories = ["/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib"];
    private static (string? Program, string Reason)? s_built;

    /// <summary>The built program's path, or null with <paramref name="reason"/> saying what is missing.</summary>
    public static string? TryBuild(PeerEnvironment environment, out string reason)
    {
        s_built ??= Build(environment);
        reason = s_built.Value.Reason;
        return s_built.Value.Program;
    }

    private static (string? Program, string Reason) Build(PeerEnvironment environment)
    {
        var output = Path.Combine(environment.ScratchDirectory, "torchsharp");
        Directory.CreateDirectory(output);
        // The first build downloads the TorchSharp and libtorch-cpu-linux-x64 packages (about 600 MB unpacked).
        System.Console.WriteLine("  building the TorchSharp peer (the first build downloads libtorch)");
        var (exitCode, log) = PeerEnvironment.RunQuietly(
            "dotnet", ["build", Path.Combine(environment.RepositoryRoot, Project), "-c", "Release", "-o", output, "-nologo", "-v", "q"]);
        if (exitCode != 0)
        {
            var restore = log.Contains("NU1101", System.StringComparison.Ordinal) || log.Contains("NU1301", System.StringComparison.Ordinal)
                || log.Contains("Unable to load the service index", System.StringComparison.Ordinal);
            return (null, restore
                ? $"restoring TorchSharp and libtorch-cpu-linux-x64 failed (the NuGet registry or the network): {PeerEnvironment.LastLine(log)}"
                : $"building {Project} failed (the .NET SDK is needed): {PeerEnvironment.LastLine(log)}");
        }

        var program = Path.Combine(output, Program);
        if (!File.Exists(program))
        {
            return (null, $"building {Project} gave no {Program} in {output}");
        }

        var libraries = Directory.EnumerateFiles(output, Library, SearchOption.AllDirectories).ToArray();
        if (libraries.Length == 0)
        {
            return (null, $"building {Project} gave no {Library} (the package TorchSharp's Linux natives)");
        }

        if (SystemLibStdCxx() is not { } libstdcxx)
        {
            return (null, $"no libstdc++.so.6 in {string.Join(", ", s_libraryDirectories)} (install the Debian package libstdc++6)");
        }

        if (!ElfVersionRequirements.Definitions(libstdcxx).Contains(MissingVersion))
        {
            foreach (var library in libraries)
            {
                if (ElfVersionRequirements.MarkWeak(library, MissingVersion))
                {
                    System.Console.WriteLine($"  {Path.GetRelativePath(output, library)}: {libstdcxx} lacks {MissingVersion}; that requirement marked weak");
                }

                if (ElfVersionRequirements.Read(library).Any(r => r.Version == MissingVersion && !r.Weak))
                {
                    return (null, $"{library} still requires {MissingVersion}, which {libstdcxx} lacks");
                }
            }
        }

        return (program, "");
    }

    private static string? SystemLibStdCxx()
        => s_libraryDirectories.Select(directory => Path.Combine(directory, "libstdc++.so.6")).FirstOrDefault(File.Exists);
}
