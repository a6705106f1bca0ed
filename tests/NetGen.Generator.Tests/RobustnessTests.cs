using System;
using System.Linq;
using NetGen.Generator.Tests.Infrastructure;
using NetGen.Generator.Tests.Sources;

namespace NetGen.Generator.Tests;

/// <summary>Half-typed declarations never make the generator throw, and never make it emit code that does not compile or warns.</summary>
public sealed class RobustnessTests
{
    private const string GeneratorFailedId = "CS8785";

    public static TheoryData<string> DeclarationNames => new(HalfTypedDeclarations.ByName.Keys.OrderBy(name => name, StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(DeclarationNames))]
    public void GeneratorDoesNotThrow(string declarationName)
    {
        var run = GeneratorHarness.Run(HalfTypedDeclarations.ByName[declarationName]);

        Assert.Null(run.Result.Exception);
        Assert.DoesNotContain(run.GeneratorDiagnostics, diagnostic => diagnostic.Id == GeneratorFailedId);
        Assert.DoesNotContain(run.OutputDiagnostics, diagnostic => diagnostic.Id == GeneratorFailedId);
    }

    [Theory]
    [MemberData(nameof(DeclarationNames))]
    public void GeneratorEmitsNothingThatFailsToCompileOrWarns(string declarationName)
    {
        var run = GeneratorHarness.Run(HalfTypedDeclarations.ByName[declarationName]);

        DiagnosticAssert.None(run.ProblemsInGeneratedCode, "errors or warnings in generated code");
    }
}
