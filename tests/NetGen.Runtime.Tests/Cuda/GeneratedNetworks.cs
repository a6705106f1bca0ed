using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using NetGen.Cuda;

namespace NetGen.Tests.Cuda;

/// <summary>Every [Network] class in this assembly (the test networks and the samples'), by full type name.</summary>
internal static class GeneratedNetworks
{
    public static IReadOnlyDictionary<string, CudaProgram> All { get; } = typeof(GeneratedNetworks).Assembly.GetTypes()
        .Where(type => typeof(INetwork).IsAssignableFrom(type) && type.IsDefined(typeof(NetworkAttribute), inherit: false)) // not hand-written wrappers
        .ToDictionary(
            type => type.FullName!,
            type => type.GetProperty("CudaProgram", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as CudaProgram
                    ?? throw new InvalidOperationException($"{type.FullName} has no generated CudaProgram."));

    /// <summary>The program of a sample network, such as "Xor.XorNet" or "Mnist.LeNet5".</summary>
    public static CudaProgram Sample(string name) => All["NetGen.Samples." + name];
}
