using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Threading;

namespace NetGen.Cuda.Interop;

/// <summary>
/// Maps the logical library names of the runtime's P/Invokes (<see cref="Nvrtc"/>, <see cref="Cuda"/>) to the files
/// NVIDIA actually ships, which carry version suffixes (there is no unversioned <c>libnvrtc.so</c> without the CUDA
/// development package), and explains what to install when none of them loads.
/// </summary>
internal static class NativeLibraries
{
    /// <summary>The logical name of NVRTC, the runtime compiler.</summary>
    internal const string Nvrtc = "nvrtc";

    /// <summary>The logical name of the CUDA driver API library.</summary>
    internal const string Cuda = "cuda";

    private static readonly Lock RegistrationGate = new();
    private static bool resolverRegistered;

    // Per async flow, so a test that simulates a missing library does not disturb tests running beside it.
    private static readonly AsyncLocal<ImmutableDictionary<string, ImmutableArray<string>>?> CandidateOverrides = new();

    /// <summary>
    /// Registers the resolver for the runtime assembly once; safe to call from any thread any number of times.
    /// The static constructors of the classes that declare P/Invokes call it.
    /// </summary>
    internal static void EnsureResolverRegistered()
    {
        lock (RegistrationGate)
        {
            if (resolverRegistered)
            {
                return;
            }

            NativeLibrary.SetDllImportResolver(typeof(NativeLibraries).Assembly, Resolve);
            resolverRegistered = true;
        }
    }

    /// <summary>The file names tried, in order, for <paramref name="logicalName"/> on this operating system.</summary>
    internal static IReadOnlyList<string> Candidates(string logicalName)
    {
        if (CandidateOverrides.Value is { } overrides && overrides.TryGetValue(logicalName, out var replaced))
        {
            return replaced;
        }

        return DefaultCandidates(logicalName);
    }

    /// <summary>
    /// Makes <see cref="Candidates"/> return <paramref name="fileNames"/> for <paramref name="logicalName"/> in the
    /// calling async flow until the returned scope is disposed, which restores the previous list. P/Invokes that
    /// already bound keep their library: the runtime caches a resolver's answer, so simulate absence with
    /// <see cref="TryLoad"/> and <see cref="Load"/>.
    /// </summary>
    internal static IDisposable OverrideCandidates(string logicalName, params string[] fileNames)
    {
        var previous = CandidateOverrides.Value;
        var current = previous ?? ImmutableDictionary<string, ImmutableArray<string>>.Empty;
        CandidateOverrides.Value = current.SetItem(logicalName, [.. fileNames]);
        return new CandidateOverrideScope(previous);
    }

    /// <summary>Loads the first candidate of <paramref name="logicalName"/> that exists, or says why none could be loaded.</summary>
    internal static bool TryLoad(string logicalName, out string failureReason)
    {
        if (TryLoadHandle(logicalName, out _))
        {
            failureReason = string.Empty;
            return true;
        }

        failureReason = NotFoundMessage(logicalName);
        return false;
    }

    /// <summary>Loads the first candidate of <paramref name="logicalName"/> that exists.</summary>
    /// <exception cref="DllNotFoundException">None of the candidates loads; the message lists them and what to install.</exception>
    internal static nint Load(string logicalName) =>
        TryLoadHandle(logicalName, out var handle) ? handle : throw new DllNotFoundException(NotFoundMessage(logicalName));

    /// <summary>The resolver itself: handles the two logical names and leaves every other library to the runtime.</summary>
    internal static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        libraryName is Nvrtc or Cuda ? Load(libraryName) : 0;

    private static bool TryLoadHandle(string logicalName, out nint handle)
    {
        foreach (var fileName in Candidates(logicalName))
        {
            if (NativeLibrary.TryLoad(fileName, out handle))
            {
                return true;
            }
        }

        handle = 0;
        return false;
    }

    private static ImmutableArray<string> DefaultCandidates(string logicalName)
    {
        var windows = OperatingSystem.IsWindows();
        return logicalName switch
        {
            Nvrtc when windows => ["nvrtc64_120_0.dll", "nvrtc64_112_0.dll"],
            Nvrtc => ["libnvrtc.so", "libnvrtc.so.12", "libnvrtc.so.11.2"],
            Cuda when windows => ["nvcuda.dll"],
            Cuda => ["libcuda.so.1", "libcuda.so"],
            _ => throw new ArgumentException($"'{logicalName}' is not a native library of the CUDA path; expected '{Nvrtc}' or '{Cuda}'.", nameof(logicalName)),
        };
    }

    private static string NotFoundMessage(string logicalName)
    {
        var tried = string.Join(", ", Candidates(logicalName));
        var windows = OperatingSystem.IsWindows();
        return logicalName switch
        {
            Nvrtc when windows =>
                $"NVRTC, NVIDIA's runtime CUDA compiler, could not be loaded (tried {tried}). Install the CUDA toolkit 11.2 or newer and make sure its bin folder is on PATH.",
            Nvrtc =>
                $"NVRTC, NVIDIA's runtime CUDA compiler, could not be loaded (tried {tried}). Install it: on Debian, 'apt-get install libnvrtc11.2 libnvrtc-builtins11.8' from the non-free component; elsewhere, the CUDA toolkit 11.2 or newer.",
            Cuda when windows =>
                $"The CUDA driver library could not be loaded (tried {tried}). Install the NVIDIA display driver; it ships nvcuda.dll.",
            _ =>
                $"The CUDA driver library could not be loaded (tried {tried}). Install the NVIDIA driver (on Debian, the libcuda1 package from the non-free component); it ships libcuda.so.1.",
        };
    }

    private sealed class CandidateOverrideScope(ImmutableDictionary<string, ImmutableArray<string>>? previous) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                CandidateOverrides.Value = previous;
            }
        }
    }
}
