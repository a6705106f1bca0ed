using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using NetGen.Cuda;

namespace NetGen.CudaEmulation.Tests.Harness;

/// <summary>A kernel parameter as declared in the CUDA source: <c>const float* __restrict__ inputs</c>, <c>int batch</c>.</summary>
internal sealed record KernelParameter(string Declaration, string Name, string BaseType, bool IsPointer, bool IsConst)
{
    /// <summary>The C type the launcher unpacks the argument as: <c>const float*</c>, <c>int*</c>, <c>float</c>.</summary>
    public string CType => IsPointer ? (IsConst ? "const " : string.Empty) + BaseType + "*" : BaseType;

    /// <summary>Whether the kernel may write through this parameter (a pointer to non-const).</summary>
    public bool IsWritten => IsPointer && !IsConst;
}

/// <summary>An <c>extern "C" __global__</c> kernel's name and parameters, parsed from its source.</summary>
internal sealed partial record KernelSignature(string Name, IReadOnlyList<KernelParameter> Parameters)
{
    [GeneratedRegex(@"extern\s+""C""\s+__global__\s+void\s+(?:__launch_bounds__\s*\([^)]*\)\s+)?(\w+)\s*\(([^)]*)\)", RegexOptions.CultureInvariant)]
    private static partial Regex KernelPattern();

    [GeneratedRegex(@"^(const\s+)?(unsigned\s+long\s+long|unsigned\s+int|unsigned|long\s+long|\w+)\s*(\*)?\s*(?:__restrict__\s+)?(\w+)$", RegexOptions.CultureInvariant)]
    private static partial Regex ParameterPattern();

    /// <summary>Every kernel of <paramref name="source"/>, in source order.</summary>
    public static IReadOnlyList<KernelSignature> Parse(string source)
    {
        var kernels = new List<KernelSignature>();
        foreach (Match match in KernelPattern().Matches(source))
        {
            var parameters = new List<KernelParameter>();
            var list = match.Groups[2].Value.Trim();
            if (list.Length > 0 && list != "void")
            {
                foreach (var raw in list.Split(','))
                {
                    var declaration = Regex.Replace(raw.Trim(), @"\s+", " ");
                    var parameter = ParameterPattern().Match(declaration);
                    if (!parameter.Success)
                    {
                        throw new FormatException($"Kernel {match.Groups[1].Value}: cannot parse the parameter '{declaration}'.");
                    }

                    parameters.Add(new KernelParameter(
                        declaration, parameter.Groups[4].Value, parameter.Groups[2].Value, parameter.Groups[3].Success, parameter.Groups[1].Success));
                }
            }

            kernels.Add(new KernelSignature(match.Groups[1].Value, parameters));
        }

        return kernels;
    }

    /// <summary>
    /// Checks that a launch's metadata agrees with this signature, argument by argument: a buffer is a pointer to the
    /// buffer's element type, the batch size an <c>int</c>, a host float a <c>float</c>.
    /// </summary>
    public void CheckAgainst(CudaProgram program, CudaLaunch launch)
    {
        if (launch.Arguments.Count != Parameters.Count)
        {
            throw new InvalidOperationException(
                $"{program.NetworkName}: launch {launch.Kernel} passes {launch.Arguments.Count} arguments, the kernel takes {Parameters.Count}.");
        }

        for (var index = 0; index < Parameters.Count; index++)
        {
            var argument = launch.Arguments[index];
            var parameter = Parameters[index];
            var expected = argument.Kind switch
            {
                CudaArgumentKind.Buffer => ElementCType(program.Buffer(argument.Name).ElementType) + "*",
                CudaArgumentKind.BatchSize or CudaArgumentKind.Training => "int",
                CudaArgumentKind.Float => "float",
                CudaArgumentKind.RandomSeed => "unsigned int",
                CudaArgumentKind.TrainingStep => "unsigned long long",
                _ => throw new InvalidOperationException($"{program.NetworkName}: {launch.Kernel} has an argument of unknown kind {argument.Kind}."),
            };
            var actual = parameter.IsPointer ? parameter.BaseType + "*" : parameter.BaseType;
            if (expected != actual)
            {
                throw new InvalidOperationException(
                    $"{program.NetworkName}: argument {index} of {launch.Kernel} is {argument.Kind} '{argument.Name}' ({expected}) in the launch metadata " +
                    $"but '{parameter.Declaration}' in the kernel.");
            }
        }
    }

    public static string ElementCType(CudaElementType type) => type switch
    {
        CudaElementType.Int32 => "int",
        CudaElementType.Float64 => "double",
        _ => "float",
    };

    /// <summary>The name of the launcher's C entry point for this kernel.</summary>
    public string EntryPoint => "netgen_launch_" + Name;

    public static IReadOnlyDictionary<string, KernelSignature> ByName(IEnumerable<KernelSignature> kernels) =>
        kernels.ToDictionary(kernel => kernel.Name, StringComparer.Ordinal);
}
