using System.IO;

namespace NetGen.Bench.Peers;

/// <summary>Compiles the FANN peer (bench/peers/fann_xor.c) with the system C compiler against libfann.</summary>
internal static class FannBuild
{
    private const string Header = "/usr/include/floatfann.h";

    /// <summary>The built program's path, or null with <paramref name="reason"/> saying what is missing.</summary>
    public static string? TryBuild(PeerEnvironment environment, out string reason)
    {
        if (!File.Exists(Header))
        {
            reason = $"FANN's header {Header} is missing (install the Debian package libfann-dev)";
            return null;
        }

        Directory.CreateDirectory(environment.ScratchDirectory);
        var program = Path.Combine(environment.ScratchDirectory, "fann_xor");
        var (exitCode, output) = PeerEnvironment.RunQuietly(
            "cc", ["-O2", "-o", program, environment.Script("fann_xor.c"), "-lfloatfann", "-lm"]);
        if (exitCode != 0)
        {
            reason = $"compiling bench/peers/fann_xor.c failed (a C compiler and libfann-dev are needed): {PeerEnvironment.LastLine(output)}";
            return null;
        }

        reason = "";
        return program;
    }
}
