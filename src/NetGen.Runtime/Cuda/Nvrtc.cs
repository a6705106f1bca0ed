using System;
using System.Collections.Generic;
using System.Text;
using NetGen.Cuda.Interop;

namespace NetGen.Cuda;

/// <summary>What <see cref="Nvrtc.Compile"/> produces.</summary>
public enum NvrtcTarget
{
    /// <summary>PTX for a virtual architecture (<c>--gpu-architecture=compute_XX</c>); the driver JIT-compiles it for the GPU at hand.</summary>
    Ptx,

    /// <summary>A CUBIN (an ELF of SASS) for a real architecture (<c>--gpu-architecture=sm_XX</c>); runs only on that architecture family.</summary>
    Cubin,
}

/// <summary>A compiled program.</summary>
/// <param name="Image">The PTX, including the terminating NUL NVRTC returns (as <c>cuModuleLoadData</c> expects), or the CUBIN.</param>
/// <param name="Log">The program log (warnings; ptxas statistics with <c>--ptxas-options=-v</c>); empty if none.</param>
/// <param name="IsCubin">Whether <paramref name="Image"/> is a CUBIN rather than PTX.</param>
public sealed record NvrtcOutput(byte[] Image, string Log, bool IsCubin);

/// <summary>NVRTC, NVIDIA's runtime CUDA C++ compiler. Thread-safe: NVRTC programs are independent.</summary>
public static class Nvrtc
{
    /// <summary>NVRTC's version, such as (11, 8).</summary>
    /// <exception cref="DllNotFoundException">NVRTC is not installed; the message lists the files tried and what to install.</exception>
    public static (int Major, int Minor) Version
    {
        get
        {
            Check.Nvrtc(NvrtcNative.nvrtcVersion(out var major, out var minor), "nvrtcVersion");
            return (major, minor);
        }
    }

    /// <summary>The architectures NVRTC can compile for, as numbers such as 80 for <c>sm_80</c>, ascending.</summary>
    /// <exception cref="DllNotFoundException">NVRTC is not installed.</exception>
    public static int[] SupportedArchitectures
    {
        get
        {
            Check.Nvrtc(NvrtcNative.nvrtcGetNumSupportedArchs(out var count), "nvrtcGetNumSupportedArchs");
            var architectures = new int[count];
            Check.Nvrtc(NvrtcNative.nvrtcGetSupportedArchs(architectures), "nvrtcGetSupportedArchs");
            return architectures;
        }
    }

    /// <summary>Whether NVRTC can be loaded; if not, <paramref name="reason"/> says what was tried and what to install.</summary>
    public static bool IsAvailable(out string reason) => NativeLibraries.TryLoad(NativeLibraries.Nvrtc, out reason);

    /// <summary>Compiles one translation unit.</summary>
    /// <param name="source">CUDA C++ source; <c>extern "C"</c> kernels keep their names unmangled.</param>
    /// <param name="programName">Names the program in compiler messages (<c>name(line): error: …</c>): use the network's name.</param>
    /// <param name="options">NVRTC options, including <c>--gpu-architecture=compute_XX</c> for PTX or <c>sm_XX</c> for a CUBIN.</param>
    /// <param name="target">Which image to return; <see cref="NvrtcTarget.Cubin"/> needs a real (<c>sm_XX</c>) architecture.</param>
    /// <exception cref="NvrtcException">The source does not compile (the message and <see cref="NvrtcException.Log"/> hold the compiler's log), or an option is invalid.</exception>
    /// <exception cref="ArgumentException">A CUBIN was asked for but the options name a virtual architecture.</exception>
    /// <exception cref="DllNotFoundException">NVRTC is not installed.</exception>
    public static NvrtcOutput Compile(string source, string programName, IReadOnlyList<string> options, NvrtcTarget target)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(programName);
        ArgumentNullException.ThrowIfNull(options);

        var optionArray = new string[options.Count];
        for (var i = 0; i < optionArray.Length; i++)
        {
            optionArray[i] = options[i] ?? throw new ArgumentException($"Option {i} of {programName} is null.", nameof(options));
        }

        Check.Nvrtc(NvrtcNative.nvrtcCreateProgram(out var program, source, programName, 0, 0, 0), "nvrtcCreateProgram", programName);
        var compiled = false;
        try
        {
            var result = NvrtcNative.nvrtcCompileProgram(program, optionArray.Length, optionArray);
            var log = ReadLog(program, programName);
            if (result != NvrtcResult.Success)
            {
                throw new NvrtcException("nvrtcCompileProgram", result, programName, log);
            }

            var image = target == NvrtcTarget.Cubin ? ReadCubin(program, programName, optionArray) : ReadPtx(program, programName);
            compiled = true;
            return new NvrtcOutput(image, log, target == NvrtcTarget.Cubin);
        }
        finally
        {
            var destroyed = NvrtcNative.nvrtcDestroyProgram(ref program);
            if (compiled)
            {
                // Only when nothing else is being thrown, so a failure here cannot hide the compiler's error.
                Check.Nvrtc(destroyed, "nvrtcDestroyProgram", programName);
            }
        }
    }

    private static string ReadLog(nint program, string programName)
    {
        Check.Nvrtc(NvrtcNative.nvrtcGetProgramLogSize(program, out var size), "nvrtcGetProgramLogSize", programName);
        var log = new byte[checked((int)size)];
        if (log.Length > 0)
        {
            Check.Nvrtc(NvrtcNative.nvrtcGetProgramLog(program, log), "nvrtcGetProgramLog", programName);
        }

        return Encoding.UTF8.GetString(log).TrimEnd('\0');
    }

    private static byte[] ReadPtx(nint program, string programName)
    {
        Check.Nvrtc(NvrtcNative.nvrtcGetPTXSize(program, out var size), "nvrtcGetPTXSize", programName);
        var ptx = new byte[checked((int)size)];
        Check.Nvrtc(NvrtcNative.nvrtcGetPTX(program, ptx), "nvrtcGetPTX", programName);
        return ptx;
    }

    private static byte[] ReadCubin(nint program, string programName, string[] options)
    {
        Check.Nvrtc(NvrtcNative.nvrtcGetCUBINSize(program, out var size), "nvrtcGetCUBINSize", programName);
        if (size == 0)
        {
            // NVRTC succeeds with an empty CUBIN when the architecture is virtual.
            throw new ArgumentException(
                $"{programName}: a CUBIN needs a real architecture (--gpu-architecture=sm_XX), but the options were: {string.Join(" ", options)}",
                nameof(options));
        }

        var cubin = new byte[checked((int)size)];
        Check.Nvrtc(NvrtcNative.nvrtcGetCUBIN(program, cubin), "nvrtcGetCUBIN", programName);
        return cubin;
    }
}
