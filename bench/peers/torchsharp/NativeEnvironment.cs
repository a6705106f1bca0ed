using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Text;

namespace NetGen.Bench.TorchSharpPeer;

/// <summary>
/// The C library's environment, which native code such as OpenMP reads: on Linux, .NET's
/// <see cref="Environment.SetEnvironmentVariable(string, string)"/> changes only .NET's own copy.
/// </summary>
internal static partial class NativeEnvironment
{
    /// <summary>Sets <paramref name="name"/> in both environments unless it is already set.</summary>
    public static void SetDefault(string name, string value)
    {
        if (Environment.GetEnvironmentVariable(name) is not null)
        {
            return;
        }

        Environment.SetEnvironmentVariable(name, value);
        if (OperatingSystem.IsLinux() && SetEnvironment(name, value, overwrite: 0) != 0)
        {
            throw new InvalidOperationException($"setenv({name}) failed.");
        }
    }

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnvironment(string name, string value, int overwrite);
}

/// <summary>What libtorch says about itself: the CPU capability its kernels use and the libraries it was built with.</summary>
internal static unsafe partial class LibTorchInfo
{
    /// <summary>"AVX512", "AVX2" or "DEFAULT" (at::get_cpu_capability); null where the call is not available.</summary>
    public static string? CpuCapability() => Read(&GetCpuCapability);

    /// <summary>oneMKL's and oneDNN's versions and the parallel backend, from at::get_parallel_info.</summary>
    public static IReadOnlyList<KeyValuePair<string, object?>> Libraries()
    {
        var libraries = new List<KeyValuePair<string, object?>>();
        var info = Read(&GetParallelInfo);
        if (info is null)
        {
            return libraries;
        }

        foreach (var line in info.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith("Intel(R) oneAPI Math Kernel Library", StringComparison.Ordinal) || line.StartsWith("Intel(R) Math Kernel Library", StringComparison.Ordinal))
            {
                libraries.Add(new("mkl", line));
            }
            else if (line.StartsWith("Intel(R) MKL-DNN", StringComparison.Ordinal) || line.StartsWith("oneDNN", StringComparison.Ordinal))
            {
                libraries.Add(new("onednn", line));
            }
            else if (line.StartsWith("ATen parallel backend:", StringComparison.Ordinal))
            {
                libraries.Add(new("parallel_backend", line["ATen parallel backend:".Length..].Trim()));
            }
        }

        return libraries;
    }

    // Both return a std::string (libstdc++'s C++11 layout: data pointer, length, then 16 bytes of inline buffer or the
    // capacity), which the x86-64 calling convention returns through a hidden first argument pointing at the caller's
    // 32 bytes. The string's heap buffer, if any, is left to the process's end.
    private static string? Read(delegate*<byte*, void> function)
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
        {
            return null;
        }

        try
        {
            var result = stackalloc byte[32];
            function(result);
            return Encoding.UTF8.GetString(*(byte**)result, checked((int)*(long*)(result + 8)));
        }
        catch (Exception error) when (error is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    private static void GetCpuCapability(byte* result) => CpuCapabilityNative(result);

    private static void GetParallelInfo(byte* result) => ParallelInfoNative(result);

    [LibraryImport("libtorch_cpu", EntryPoint = "_ZN2at18get_cpu_capabilityB5cxx11Ev")]
    private static partial void CpuCapabilityNative(byte* result);

    [LibraryImport("libtorch_cpu", EntryPoint = "_ZN2at17get_parallel_infoB5cxx11Ev")]
    private static partial void ParallelInfoNative(byte* result);
}
