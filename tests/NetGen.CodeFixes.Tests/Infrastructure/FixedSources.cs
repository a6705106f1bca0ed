using System.Collections.Generic;

namespace NetGen.CodeFixes.Tests.Infrastructure;

/// <summary>Checks the sources a code fix produced: the exact text, then what the generator makes of it.</summary>
internal static class FixedSources
{
    /// <summary>
    /// Each fixed source equals its expected text (line endings aside), the generator reports nothing on the
    /// fixed sources, emits code, and the compilation with that code has no errors.
    /// </summary>
    public static void AssertFixedTo(IReadOnlyList<string> actual, params string[] expected)
    {
        Assert.Equal(expected.Length, actual.Count);
        for (var index = 0; index < expected.Length; index++)
        {
            Assert.Equal(Normalize(expected[index]), Normalize(actual[index]));
        }

        var run = GeneratorRun.OverSources(actual);
        Assert.True(run.NetGenDiagnostics.Count == 0, "NetGen still reports:\n" + string.Join("\n", run.NetGenDiagnostics));
        Assert.True(run.GeneratedSourceCount > 0, "The generator emitted no code for the fixed sources.");
        Assert.True(run.Errors.Count == 0, "The fixed compilation has errors:\n" + string.Join("\n", run.Errors));
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n");
}
