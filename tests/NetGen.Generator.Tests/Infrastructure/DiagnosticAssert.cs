using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace NetGen.Generator.Tests.Infrastructure;

/// <summary>Assertions on diagnostics that print every offending diagnostic in full when they fail.</summary>
internal static class DiagnosticAssert
{
    public static void None(IEnumerable<Diagnostic> diagnostics, string what)
    {
        var list = diagnostics.ToList();
        Assert.True(list.Count == 0, "Expected no " + what + ", got " + list.Count + ":\n" + string.Join("\n", list));
    }
}
