using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace NetGen.Cuda;

/// <summary>What ptxas reports for one kernel (entry function) compiled for a real architecture.</summary>
/// <param name="Kernel">The entry function's name as in the PTX (unmangled for <c>extern "C"</c> kernels).</param>
/// <param name="Registers">Registers per thread.</param>
/// <param name="StackFrameBytes">Stack frame per thread: local arrays, spills and call frames.</param>
/// <param name="SpillStoreBytes">Bytes of register spill stores; anything above 0 costs local-memory traffic.</param>
/// <param name="SpillLoadBytes">Bytes of register spill loads.</param>
/// <param name="SharedMemoryBytes">Static shared memory per block (dynamic shared memory is chosen at launch and not included).</param>
/// <param name="ConstantMemoryBytes">Constant memory summed over the banks ptxas lists (<c>cmem[0]</c> holds the parameters); null when ptxas lists none, as it does not for sm_90.</param>
public sealed record KernelResourceUsage(
    string Kernel,
    int Registers,
    int StackFrameBytes,
    int SpillStoreBytes,
    int SpillLoadBytes,
    int SharedMemoryBytes,
    int? ConstantMemoryBytes);

/// <summary>
/// Reads the statistics ptxas writes into NVRTC's program log when a program is compiled for an <c>sm_XX</c>
/// architecture with <c>--ptxas-options=-v</c>. NVRTC 11.8 writes, per kernel:
/// <code>
/// ptxas info    : Compiling entry function 'sgemm_tiled' for 'sm_80'
/// ptxas info    : Function properties for sgemm_tiled
/// ptxas         .     0 bytes stack frame, 0 bytes spill stores, 0 bytes spill loads
/// ptxas info    : Used 32 registers, 2048 bytes smem, 388 bytes cmem[0]
/// </code>
/// Device functions that are not inlined get a "Function properties" block of their own without an entry line;
/// they are not kernels and are left out. Other lines (the module's gmem line, compiler warnings) are ignored.
/// </summary>
public static partial class PtxasReport
{
    /// <summary>The kernels of <paramref name="log"/>, in the order ptxas compiled them.</summary>
    /// <exception cref="FormatException">A kernel's entry line is not followed by its "Used N registers" line or its stack and spill line.</exception>
    public static IReadOnlyList<KernelResourceUsage> Parse(string log)
    {
        ArgumentNullException.ThrowIfNull(log);

        var kernels = new List<string>();
        var usedLines = new Dictionary<string, UsedLine>(StringComparer.Ordinal);
        var frames = new Dictionary<string, StackFrame>(StringComparer.Ordinal);
        string? currentKernel = null;
        string? currentFunction = null;

        foreach (var rawLine in log.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r', '\0', ' ');
            if (EntryLine().Match(line) is { Success: true } entry)
            {
                currentKernel = entry.Groups["name"].Value;
                kernels.Add(currentKernel);
            }
            else if (PropertiesLine().Match(line) is { Success: true } properties)
            {
                currentFunction = properties.Groups["name"].Value;
            }
            else if (FrameLine().Match(line) is { Success: true } frame)
            {
                if (currentFunction is null)
                {
                    throw new FormatException($"ptxas report: a stack frame line comes before any 'Function properties' line: \"{line}\".");
                }

                frames[currentFunction] = new StackFrame(Number(frame, "stack"), Number(frame, "stores"), Number(frame, "loads"));
            }
            else if (UsedRegistersLine().Match(line) is { Success: true } used)
            {
                if (currentKernel is null || usedLines.ContainsKey(currentKernel))
                {
                    continue; // statistics of a non-entry function (relocatable device code)
                }

                usedLines[currentKernel] = ParseUsedLine(currentKernel, used);
            }
        }

        var report = new List<KernelResourceUsage>(kernels.Count);
        foreach (var kernel in kernels)
        {
            if (!usedLines.TryGetValue(kernel, out var usage))
            {
                throw new FormatException($"ptxas report: kernel '{kernel}' has no 'Used N registers' line.");
            }

            if (!frames.TryGetValue(kernel, out var stack))
            {
                throw new FormatException($"ptxas report: kernel '{kernel}' has no stack frame and spill line.");
            }

            report.Add(new KernelResourceUsage(
                kernel, usage.Registers, stack.StackBytes, stack.SpillStoreBytes, stack.SpillLoadBytes, usage.SharedMemoryBytes, usage.ConstantMemoryBytes));
        }

        return report;
    }

    private static UsedLine ParseUsedLine(string kernel, Match used)
    {
        var registers = Number(used, "registers");
        var sharedMemory = 0;
        int? constantMemory = null;
        foreach (Capture capture in used.Groups["rest"].Captures)
        {
            var part = capture.Value.Trim();
            if (SharedMemoryPart().Match(part) is { Success: true } shared)
            {
                sharedMemory += Number(shared, "bytes");
            }
            else if (ConstantMemoryPart().Match(part) is { Success: true } constant)
            {
                constantMemory = (constantMemory ?? 0) + Number(constant, "bytes");
            }
            else if (part.Length == 0)
            {
                throw new FormatException($"ptxas report: kernel '{kernel}' has an empty item in its 'Used' line.");
            }

            // Other items ("used 1 barriers", texture counts…) say nothing this report records.
        }

        return new UsedLine(registers, sharedMemory, constantMemory);
    }

    private static int Number(Match match, string group) => int.Parse(match.Groups[group].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^ptxas info\s+: Compiling entry function '(?<name>[^']+)' for '(?<arch>[^']+)'$")]
    private static partial Regex EntryLine();

    [GeneratedRegex(@"^ptxas info\s+: Function properties for (?<name>\S+)$")]
    private static partial Regex PropertiesLine();

    [GeneratedRegex(@"^ptxas\s+\.\s+(?<stack>\d+) bytes stack frame, (?<stores>\d+) bytes spill stores, (?<loads>\d+) bytes spill loads$")]
    private static partial Regex FrameLine();

    [GeneratedRegex(@"^ptxas info\s+: Used (?<registers>\d+) registers(?:,(?<rest>[^,]*))*$")]
    private static partial Regex UsedRegistersLine();

    [GeneratedRegex(@"^(?<bytes>\d+) bytes smem$")]
    private static partial Regex SharedMemoryPart();

    [GeneratedRegex(@"^(?<bytes>\d+) bytes cmem\[\d+\]$")]
    private static partial Regex ConstantMemoryPart();

    private readonly record struct UsedLine(int Registers, int SharedMemoryBytes, int? ConstantMemoryBytes);

    private readonly record struct StackFrame(int StackBytes, int SpillStoreBytes, int SpillLoadBytes);
}
