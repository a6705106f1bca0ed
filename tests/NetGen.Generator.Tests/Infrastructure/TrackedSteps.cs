using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace NetGen.Generator.Tests.Infrastructure;

/// <summary>The outputs a tracked pipeline step produced in one run, with why each was produced.</summary>
internal static class TrackedSteps
{
    public static IReadOnlyList<(object Value, IncrementalStepRunReason Reason)> Outputs(GeneratorRun run, string stepName)
    {
        Assert.True(run.Result.TrackedSteps.TryGetValue(stepName, out var steps), "The run tracked no step named " + stepName + ".");
        return steps.SelectMany(step => step.Outputs).ToList();
    }

    public static IReadOnlyList<object> Values(GeneratorRun run, string stepName) =>
        Outputs(run, stepName).Select(output => output.Value).ToList();
}
