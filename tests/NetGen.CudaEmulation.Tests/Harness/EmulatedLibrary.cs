using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace NetGen.CudaEmulation.Tests.Harness;

/// <summary>How emulated kernels run.</summary>
internal enum EmulationMode
{
    /// <summary>A shared library loaded into the test process; kernels are called through function pointers.</summary>
    InProcess,

    /// <summary>A program built with -fsanitize=thread that the test drives over pipes, the buffers in a shared file.</summary>
    ThreadSanitizer,
}

/// <summary>
/// One CUDA translation unit compiled for the CPU: the source, a generated launcher and the shim header, built by g++
/// into a shared library (or, under ThreadSanitizer, a server program) once per content hash and kept in a cache
/// folder under the temp directory between runs.
/// </summary>
internal sealed unsafe class EmulatedLibrary
{
    private static readonly ConcurrentDictionary<string, Lazy<EmulatedLibrary>> s_libraries = new(StringComparer.Ordinal);

    private readonly Dictionary<string, nint> _entryPoints = new(StringComparer.Ordinal);
    private readonly delegate* unmanaged<void> _attach;
    private readonly delegate* unmanaged<void> _detach;

    private EmulatedLibrary(string name, IReadOnlyList<KernelSignature> kernels, EmulationMode mode, string binary, TimeSpan compileTime)
    {
        Name = name;
        Kernels = KernelSignature.ByName(kernels);
        Mode = mode;
        BinaryPath = binary;
        CompileTime = compileTime;
        SharedRegions = Toolchain.SharedRegions(binary);
        if (mode == EmulationMode.InProcess)
        {
            var handle = NativeLibrary.Load(binary);
            foreach (var kernel in kernels)
            {
                _entryPoints[kernel.Name] = NativeLibrary.GetExport(handle, kernel.EntryPoint);
            }

            _attach = (delegate* unmanaged<void>)NativeLibrary.GetExport(handle, "netgen_emu_attach");
            _detach = (delegate* unmanaged<void>)NativeLibrary.GetExport(handle, "netgen_emu_detach");
            var setShared = (delegate* unmanaged<long*, long*, int, void>)NativeLibrary.GetExport(handle, "netgen_emu_set_shared");
            var offsets = SharedRegions.Select(region => region.Offset).ToArray();
            var sizes = SharedRegions.Select(region => region.Bytes).ToArray();
            fixed (long* offsetPointer = offsets, sizePointer = sizes)
            {
                setShared(offsetPointer, sizePointer, offsets.Length);
            }
        }
    }

    /// <summary>A name for messages (the network's).</summary>
    public string Name { get; }

    public IReadOnlyDictionary<string, KernelSignature> Kernels { get; }

    public EmulationMode Mode { get; }

    /// <summary>The shared library (in process) or the server program (ThreadSanitizer).</summary>
    public string BinaryPath { get; }

    /// <summary>How long g++ took; zero when the binary came from the cache.</summary>
    public TimeSpan CompileTime { get; }

    /// <summary>The <c>__shared__</c> arrays, poisoned before every block: offsets from ng_emu::anchor and sizes.</summary>
    public IReadOnlyList<(long Offset, long Bytes)> SharedRegions { get; }

    /// <summary>The mode the environment asks for: ThreadSanitizer when NETGEN_EMULATION_TSAN=1.</summary>
    public static EmulationMode DefaultMode => Toolchain.SanitizerRequested ? EmulationMode.ThreadSanitizer : EmulationMode.InProcess;

    /// <summary>The compiled form of <paramref name="source"/>, built on first use (per process) or taken from the cache.</summary>
    public static EmulatedLibrary For(string name, string source, EmulationMode mode)
    {
        var kernels = KernelSignature.Parse(source);
        if (kernels.Count == 0)
        {
            throw new ArgumentException($"{name}: the source declares no extern \"C\" __global__ kernel.", nameof(source));
        }

        var launcher = LauncherSource.Write(kernels);
        var key = Hash(mode.ToString(), Toolchain.Version, File.ReadAllText(Toolchain.ShimHeaderPath),
                       mode == EmulationMode.ThreadSanitizer ? File.ReadAllText(Toolchain.ServerMainPath) : string.Empty, launcher, source);
        return s_libraries.GetOrAdd(key, _ => new Lazy<EmulatedLibrary>(() => Build(name, kernels, mode, key, source, launcher))).Value;
    }

    /// <summary>Opens a device of <paramref name="bytes"/> bytes of memory that runs this library's kernels.</summary>
    public IEmulatedDevice OpenDevice(long bytes) =>
        Mode == EmulationMode.InProcess ? new InProcessDevice(this, bytes) : new SanitizerServerDevice(this, bytes);

    internal nint EntryPoint(string kernel) =>
        _entryPoints.TryGetValue(kernel, out var entry) ? entry : throw new ArgumentException($"{Name} has no kernel '{kernel}'.", nameof(kernel));

    internal void Attach() => _attach();

    internal void Detach() => _detach();

    /// <summary>The flags every compilation of a mode uses (the runtime object, kernels and launcher).</summary>
    private static List<string> Flags(EmulationMode mode)
    {
        var flags = new List<string> { "-std=c++20", "-O1", "-pthread", "-fvisibility=hidden" };
        flags.AddRange(mode == EmulationMode.InProcess ? new[] { "-fPIC" } : new[] { "-g", "-fsanitize=thread" });
        return flags;
    }

    private static readonly ConcurrentDictionary<EmulationMode, Lazy<string>> s_runtimes = new();

    /// <summary>The shim's runtime (g++ -DNG_EMU_RUNTIME) compiled once per mode and kept in the cache.</summary>
    private static string RuntimeObject(EmulationMode mode) => s_runtimes.GetOrAdd(mode, _ => new Lazy<string>(() =>
    {
        var flags = Flags(mode);
        var key = Hash("runtime", Toolchain.Version, string.Join(' ', flags), File.ReadAllText(Toolchain.ShimHeaderPath));
        var directory = Path.Combine(Toolchain.CacheDirectory, "runtime-" + mode + "-" + key[..16]);
        Directory.CreateDirectory(directory);
        var output = Path.Combine(directory, "cuda_emulation_runtime.o");
        if (!File.Exists(output))
        {
            var temporary = TemporaryName(output);
            flags.AddRange(new[] { "-c", "-DNG_EMU_RUNTIME", "-include", Toolchain.ShimHeaderPath, "-x", "c++", "/dev/null", "-o", temporary });
            Toolchain.Compile(flags, $"the emulation runtime ({mode})");
            File.Move(temporary, output, overwrite: true);
        }

        return output;
    })).Value;

    private static EmulatedLibrary Build(string name, IReadOnlyList<KernelSignature> kernels, EmulationMode mode, string key, string source, string launcher)
    {
        var safeName = new string(name.Select(character => char.IsAsciiLetterOrDigit(character) ? character : '_').ToArray());
        var directory = Path.Combine(Toolchain.CacheDirectory, safeName + "-" + key[..16]);
        Directory.CreateDirectory(directory);
        var binary = Path.Combine(directory, mode == EmulationMode.InProcess ? "kernels.so" : "kernels-tsan-server");
        var elapsed = TimeSpan.Zero;
        if (!File.Exists(binary))
        {
            var runtime = RuntimeObject(mode);
            var sourcePath = Path.Combine(directory, "kernels.cu");
            var launcherPath = Path.Combine(directory, "launcher.cpp");
            File.WriteAllText(sourcePath, source);
            File.WriteAllText(launcherPath, launcher);
            var temporary = TemporaryName(binary);
            var arguments = Flags(mode);
            if (mode == EmulationMode.InProcess)
            {
                arguments.Add("-shared");
            }

            arguments.AddRange(new[] { "-include", Toolchain.ShimHeaderPath, "-x", "c++", sourcePath, launcherPath });
            if (mode == EmulationMode.ThreadSanitizer)
            {
                arguments.Add(Toolchain.ServerMainPath);
            }

            arguments.AddRange(new[] { "-x", "none", runtime, "-o", temporary });
            var watch = Stopwatch.StartNew();
            Toolchain.Compile(arguments, $"{name}'s CUDA source ({mode})");
            elapsed = watch.Elapsed;
            File.Move(temporary, binary, overwrite: true);
        }

        return new EmulatedLibrary(name, kernels, mode, binary, elapsed);
    }

    private static string TemporaryName(string path) => path + "." + Environment.ProcessId + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";

    private static string Hash(params string[] parts)
    {
        var text = new StringBuilder();
        foreach (var part in parts)
        {
            text.Append(part.Length).Append(':').Append(part).Append('\n');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))).ToLowerInvariant();
    }
}
