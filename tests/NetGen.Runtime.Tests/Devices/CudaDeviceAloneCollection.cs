using System;
using System.Collections.Generic;
using System.Linq;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace NetGen.Tests.Devices;

/// <summary>
/// GPU tests that need the device to themselves: they read the primary context's state and free memory, which other
/// sessions would change, and one of them faults on purpose. xUnit runs such a collection alone, after the collections
/// that run in parallel, one test at a time, in the order <see cref="FaultsLastOrderer"/> gives.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CudaDeviceAloneCollection
{
    public const string Name = "NetGen.Cuda.DeviceAlone";
}

/// <summary>
/// Marks a test that leaves the process's CUDA context unusable: a kernel fault is sticky, and only ending the process
/// clears it. Such a test runs after every other test of its class (see <see cref="FaultsLastOrderer"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class FaultsTheDeviceAttribute : Attribute;

/// <summary>Orders a class's tests by name, those marked <see cref="FaultsTheDeviceAttribute"/> last.</summary>
public sealed class FaultsLastOrderer : ITestCaseOrderer
{
    public const string TypeName = "NetGen.Tests.Devices.FaultsLastOrderer";

    public const string AssemblyName = "NetGen.Runtime.Tests";

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases)
        where TTestCase : ITestCase =>
        testCases
            .OrderBy(testCase => testCase.TestMethod.Method.GetCustomAttributes(typeof(FaultsTheDeviceAttribute).AssemblyQualifiedName).Any())
            .ThenBy(testCase => testCase.TestMethod.Method.Name, StringComparer.Ordinal);
}
