using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using NetGen.Cuda;
using NetGen.Cuda.Interop;

namespace NetGen.CudaEmulation.Tests.Harness.Driver;

/// <summary>What the emulated driver holds at a moment (<c>netgen_emulated_driver_counts</c>).</summary>
internal readonly record struct DriverCounts(
    long DeviceAllocations,
    long HostAllocations,
    long Modules,
    long Streams,
    long Events,
    long ContextRetains,
    long QueuedOperations,
    long LaunchesRun,
    long LaunchesRefused,
    long Graphs,
    long GraphExecs,
    long HostLaunchCalls,
    long GraphLaunches)
{
    /// <summary>Whether nothing is held: no memory, module, stream, event, context retain, queued operation, graph or graph exec.</summary>
    public bool NothingHeld =>
        DeviceAllocations == 0 && HostAllocations == 0 && Modules == 0 && Streams == 0 && Events == 0 && ContextRetains == 0 && QueuedOperations == 0 &&
        Graphs == 0 && GraphExecs == 0;
}

/// <summary>
/// The emulated CUDA driver (<c>Harness/Driver/emulated_driver.cpp</c>): compiled by g++ once per content hash into the
/// cache folder, and bound as the runtime's <c>cuda</c> library. Binding happens once per process: every P/Invoke of
/// <see cref="CudaDriverNative"/> is prelinked while the candidates of <c>cuda</c> name the emulated library, because the
/// runtime keeps the library a P/Invoke first bound to. No other test of this assembly loads a <c>cuda</c> library, so
/// the emulated one is the only driver this process sees. <see cref="Use"/> also points
/// <see cref="NativeLibraries.TryLoad"/> (the device probe's first check) at it for the calling async flow.
/// </summary>
internal static unsafe class EmulatedDriver
{
    /// <summary>The name the emulated device reports.</summary>
    public const string DeviceName = "NetGen emulated device";

    private static readonly Lazy<Bound> s_bound = new(Bind, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The compiled driver library.</summary>
    public static string LibraryPath => s_bound.Value.Path;

    /// <summary>
    /// Makes sure the runtime's driver calls go to the emulated driver and, until disposed, that the calling async
    /// flow's candidates of <c>cuda</c> name it (so the device probe loads it rather than a real <c>libcuda</c>).
    /// </summary>
    public static IDisposable Use()
    {
        var path = LibraryPath;
        return NativeLibraries.OverrideCandidates(NativeLibraries.Cuda, path);
    }

    /// <summary>
    /// The emulated device as the runtime's probe finds it: the same path <see cref="DeviceSelection"/> takes for
    /// <see cref="ComputeDevice.Cuda"/>.
    /// </summary>
    public static CudaDeviceInfo Device()
    {
        using var _ = Use();
        return CudaProbe.TryFind(0, out var reason) ?? throw new InvalidOperationException("The emulated driver offers no device: " + reason);
    }

    /// <summary>
    /// Makes the next module loads run <paramref name="program"/>'s kernels: builds (or takes from the cache) the emulation
    /// library of its source and registers it with the kernels' parameter sizes.
    /// </summary>
    public static EmulatedLibrary Register(CudaProgram program)
    {
        var library = EmulatedLibrary.For(program.NetworkName, program.Source, EmulationMode.InProcess);
        var sizes = string.Join(';', library.Kernels.Values.Select(kernel =>
            kernel.Name + ":" + string.Join(',', kernel.Parameters.Select(ParameterBytes))));
        if (RegisterNative(library.BinaryPath, sizes) != 0)
        {
            throw new InvalidOperationException($"The emulated driver refused the registration of {program.NetworkName}: {sizes}");
        }

        return library;
    }

    /// <summary>Forgets the registered library: a module load then fails as for an image the driver cannot load.</summary>
    public static void Unregister() => _ = RegisterNative(null, null);

    /// <summary>Whether every operation runs as it is enqueued (true) or when the host waits for it (false, the default).</summary>
    public static void SetImmediate(bool immediate) => CallWithInt("netgen_emulated_driver_set_immediate", immediate ? 1 : 0);

    /// <summary>The next <paramref name="count"/> allocations succeed and the later ones run out of memory; negative: none fails.</summary>
    public static void FailAllocationsAfter(int count) => CallWithInt("netgen_emulated_driver_fail_allocations_after", count);

    /// <summary>The next <paramref name="count"/> kernel launch calls proceed and the later ones fail (out of resources); negative: none fails.</summary>
    public static void FailLaunchesAfter(int count) => CallWithInt("netgen_emulated_driver_fail_launches_after", count);

    public static DriverCounts Counts()
    {
        var values = stackalloc long[16];
        var count = ((delegate* unmanaged<long*, int, int>)Export("netgen_emulated_driver_counts"))(values, 16);
        if (count != 13)
        {
            throw new InvalidOperationException($"netgen_emulated_driver_counts reported {count} values, not 13.");
        }

        return new DriverCounts(
            values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7], values[8], values[9], values[10], values[11], values[12]);
    }

    private static int ParameterBytes(KernelParameter parameter) =>
        parameter.IsPointer || parameter.BaseType is "double" or "long long" or "unsigned long long" ? 8 : 4;

    private static int RegisterNative(string? libraryPath, string? parameterBytes)
    {
        var path = libraryPath is null ? 0 : Marshal.StringToCoTaskMemUTF8(libraryPath);
        var sizes = parameterBytes is null ? 0 : Marshal.StringToCoTaskMemUTF8(parameterBytes);
        try
        {
            return ((delegate* unmanaged<nint, nint, int>)Export("netgen_emulated_driver_register_kernels"))(path, sizes);
        }
        finally
        {
            Marshal.FreeCoTaskMem(path);
            Marshal.FreeCoTaskMem(sizes);
        }
    }

    private static void CallWithInt(string name, int value) => ((delegate* unmanaged<int, void>)Export(name))(value);

    private static nint Export(string name) => NativeLibrary.GetExport(s_bound.Value.Handle, name);

    private sealed record Bound(string Path, nint Handle);

    private static Bound Bind()
    {
        var path = Build();
        var handle = NativeLibrary.Load(path);
        NativeLibraries.EnsureResolverRegistered();
        using (NativeLibraries.OverrideCandidates(NativeLibraries.Cuda, path))
        {
            // LibraryImport's generated stubs are private static P/Invokes of the same class; binding them now, under
            // the override, fixes their library for the rest of the process.
            foreach (var method in typeof(CudaDriverNative).GetMethods(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly))
            {
                if (method.Attributes.HasFlag(MethodAttributes.PinvokeImpl))
                {
                    Marshal.Prelink(method);
                }
            }
        }

        // Proof that the bound library is this one (a real libcuda has another name, or no device at all here).
        Check.Cuda(CudaDriverNative.cuInit(0), "cuInit");
        Check.Cuda(CudaDriverNative.cuDeviceGet(out var device, 0), "cuDeviceGet");
        var name = new byte[128];
        Check.Cuda(CudaDriverNative.cuDeviceGetName(name, name.Length, device), "cuDeviceGetName");
        var reported = Encoding.ASCII.GetString(name, 0, Math.Max(0, Array.IndexOf(name, (byte)0)));
        if (reported != DeviceName)
        {
            throw new InvalidOperationException(
                $"The runtime's driver calls are bound to a device named '{reported}', not the emulated driver: a test of this assembly loaded another 'cuda' library first.");
        }

        return new Bound(path, handle);
    }

    /// <summary>g++ -shared of emulated_driver.cpp, cached under the harness's cache folder by a hash of compiler, flags and source.</summary>
    private static string Build()
    {
        var sourcePath = System.IO.Path.Combine(Toolchain.HarnessDirectory, "Driver", "emulated_driver.cpp");
        var source = File.ReadAllText(sourcePath);
        string[] flags = ["-std=c++20", "-O1", "-g", "-pthread", "-fPIC", "-shared", "-fvisibility=hidden", "-Wall", "-Wextra", "-Werror"];
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Toolchain.Version + "\n" + string.Join(' ', flags) + "\n" + source)));
        var directory = System.IO.Path.Combine(Toolchain.CacheDirectory, "driver-" + key[..16]);
        var library = System.IO.Path.Combine(directory, "libcuda-emulated.so");
        if (!File.Exists(library))
        {
            Directory.CreateDirectory(directory);
            var temporary = library + "." + Environment.ProcessId + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
            Toolchain.Compile([.. flags, sourcePath, "-o", temporary, "-ldl"], "the emulated CUDA driver");
            File.Move(temporary, library, overwrite: true);
        }

        return library;
    }
}
