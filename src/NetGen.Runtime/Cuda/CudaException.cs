using System;
using System.Runtime.InteropServices;
using System.Text;
using NetGen.Cuda.Interop;

namespace NetGen.Cuda;

/// <summary>A CUDA driver API call failed.</summary>
public class CudaException : Exception
{
    /// <summary>Describes the failure of <paramref name="call"/>, with the driver's own name and description of <paramref name="result"/> when the driver can give them.</summary>
    public CudaException(string call, CudaResult result)
        : this(call, result, DriverErrorName(result), DriverErrorDescription(result))
    {
    }

    /// <summary>As <see cref="CudaException(string, CudaResult)"/>, followed by <paramref name="hint"/> (what to do about it) when not null.</summary>
    internal CudaException(string call, CudaResult result, string? hint)
        : this(call, result, DriverErrorName(result), DriverErrorDescription(result), hint)
    {
    }

    /// <summary>Describes the failure with the given driver texts; null ones fall back to the name of <paramref name="result"/>.</summary>
    internal CudaException(string call, CudaResult result, string? errorName, string? errorDescription, string? hint = null)
        : base(FormatMessage(call, result, errorName, errorDescription, hint))
    {
        Call = call;
        Result = result;
        Hint = hint;
    }

    /// <summary>The driver function that failed, such as <c>cuInit</c>.</summary>
    public string Call { get; }

    /// <summary>What it returned.</summary>
    public CudaResult Result { get; }

    /// <summary>What the message adds about the likely cause and what to do (the debug switch, what to install), or null.</summary>
    public string? Hint { get; }

    /// <summary>The C name of <paramref name="result"/> (<c>CUDA_ERROR_NO_DEVICE</c>) derived from the enum, or null for a code the enum does not define.</summary>
    internal static string? CName(CudaResult result) =>
        result == CudaResult.Success ? "CUDA_SUCCESS"
        : Enum.IsDefined(result) ? "CUDA_ERROR_" + ResultNames.UpperSnakeCase(result.ToString())
        : null;

    private static string FormatMessage(string call, CudaResult result, string? errorName, string? errorDescription, string? hint)
    {
        var name = errorName ?? CName(result) ?? "unknown CUresult";
        var message = $"{call} failed: {name} ({(int)result})";
        message = string.IsNullOrEmpty(errorDescription) ? message : $"{message}: {errorDescription}";
        return string.IsNullOrEmpty(hint) ? message : $"{message}. {hint}.";
    }

    // cuGetErrorName and cuGetErrorString work before cuInit; without the driver the enum's name stands in.
    private static string? DriverErrorName(CudaResult result) =>
        AskDriver(() => CudaDriverNative.cuGetErrorName(result, out var text) == CudaResult.Success ? text : 0);

    private static string? DriverErrorDescription(CudaResult result) =>
        AskDriver(() => CudaDriverNative.cuGetErrorString(result, out var text) == CudaResult.Success ? text : 0);

    private static string? AskDriver(Func<nint> call)
    {
        if (!NativeLibraries.TryLoad(NativeLibraries.Cuda, out _))
        {
            return null;
        }

        try
        {
            var text = call();
            return text == 0 ? null : Marshal.PtrToStringUTF8(text);
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }
}

/// <summary>An NVRTC call failed; for a compilation, <see cref="Log"/> holds the compiler's messages.</summary>
public sealed class NvrtcException : Exception
{
    /// <summary>Describes the failure of <paramref name="call"/> on program <paramref name="programName"/>, with the program log if there is one.</summary>
    public NvrtcException(string call, NvrtcResult result, string? programName, string log)
        : base(FormatMessage(call, result, programName, log))
    {
        Call = call;
        Result = result;
        ProgramName = programName;
        Log = log;
    }

    /// <summary>The NVRTC function that failed, such as <c>nvrtcCompileProgram</c>.</summary>
    public string Call { get; }

    /// <summary>What it returned.</summary>
    public NvrtcResult Result { get; }

    /// <summary>The program's name as given to <c>nvrtcCreateProgram</c> (the network's name), if the call had a program.</summary>
    public string? ProgramName { get; }

    /// <summary>The program log: compiler errors and warnings as <c>name(line): error: …</c> lines; empty if none.</summary>
    public string Log { get; }

    /// <summary>The C name of <paramref name="result"/> (<c>NVRTC_ERROR_COMPILATION</c>), or null for a code the enum does not define.</summary>
    internal static string? CName(NvrtcResult result) =>
        result == NvrtcResult.Success ? "NVRTC_SUCCESS"
        : Enum.IsDefined(result) ? "NVRTC_ERROR_" + ResultNames.UpperSnakeCase(result.ToString())
        : null;

    private static string FormatMessage(string call, NvrtcResult result, string? programName, string log)
    {
        if (result == NvrtcResult.Compilation)
        {
            return $"NVRTC could not compile the CUDA source of {programName ?? "an unnamed program"}:{Environment.NewLine}{log}";
        }

        var message = new StringBuilder($"{call} failed");
        if (programName is not null)
        {
            message.Append(" for ").Append(programName);
        }

        message.Append(": ").Append(CName(result) ?? LibraryErrorName(result) ?? "unknown nvrtcResult").Append(" (").Append((int)result).Append(')');
        if (log.Length > 0)
        {
            message.Append(':').Append(Environment.NewLine).Append(log);
        }

        return message.ToString();
    }

    private static string? LibraryErrorName(NvrtcResult result)
    {
        if (!NativeLibraries.TryLoad(NativeLibraries.Nvrtc, out _))
        {
            return null;
        }

        var text = NvrtcNative.nvrtcGetErrorString(result);
        return text == 0 ? null : Marshal.PtrToStringUTF8(text);
    }
}

/// <summary>Turns enum member names back into the C headers' spelling.</summary>
internal static class ResultNames
{
    /// <summary><c>NoBinaryForGpu</c> → <c>NO_BINARY_FOR_GPU</c>.</summary>
    internal static string UpperSnakeCase(string pascalCase)
    {
        var snake = new StringBuilder(pascalCase.Length + 8);
        for (var i = 0; i < pascalCase.Length; i++)
        {
            if (i > 0 && char.IsUpper(pascalCase[i]))
            {
                snake.Append('_');
            }

            snake.Append(char.ToUpperInvariant(pascalCase[i]));
        }

        return snake.ToString();
    }
}
