using System;
using System.Globalization;

namespace NetGen;

/// <summary>Where a network runs.</summary>
public enum DeviceKind
{
    /// <summary>CUDA when a driver, a device and NVRTC are present, otherwise the CPU (saying why, once).</summary>
    Auto,

    /// <summary>The CPU: SIMD kernels on all cores. Always available.</summary>
    Cpu,

    /// <summary>A CUDA GPU, by ordinal; an exception says what is missing when there is none.</summary>
    Cuda,
}

/// <summary>A requested device: <see cref="Auto"/>, <see cref="Cpu"/> or <see cref="Cuda"/> with an ordinal.</summary>
public readonly record struct ComputeDevice(DeviceKind Kind, int Ordinal = 0)
{
    public static ComputeDevice Auto => new(DeviceKind.Auto);

    public static ComputeDevice Cpu => new(DeviceKind.Cpu);

    /// <summary>The CUDA device with the given ordinal (0 is the first).</summary>
    public static ComputeDevice Cuda(int ordinal = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ordinal);
        return new ComputeDevice(DeviceKind.Cuda, ordinal);
    }

    /// <summary>Parses "auto", "cpu", "cuda" or "cuda:N" (case-insensitive), as the samples' --device option takes.</summary>
    /// <exception cref="FormatException">The text is none of those.</exception>
    public static ComputeDevice Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var value = text.Trim().ToLowerInvariant();
        if (value == "auto")
        {
            return Auto;
        }

        if (value == "cpu")
        {
            return Cpu;
        }

        if (value == "cuda")
        {
            return Cuda();
        }

        if (value.StartsWith("cuda:", StringComparison.Ordinal) &&
            int.TryParse(value.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var ordinal))
        {
            return Cuda(ordinal);
        }

        throw new FormatException($"'{text}' is not a device: use auto, cpu, cuda or cuda:N.");
    }

    public override string ToString() => Kind switch
    {
        DeviceKind.Cuda => "cuda:" + Ordinal.ToString(CultureInfo.InvariantCulture),
        DeviceKind.Cpu => "cpu",
        _ => "auto",
    };
}
