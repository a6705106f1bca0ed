using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using NetGen.Generator.Analyzers;

namespace NetGen.CodeFixes.Tests.Infrastructure;

/// <summary>
/// Runs the generator (and NetGen's analyzer for layers without [Network]) over the test sources in a workspace, hands
/// the one diagnostic with the given ID to a code fix provider, and applies the first code action offered, as an IDE's
/// light bulb would.
/// </summary>
internal static class CodeFixRunner
{
    /// <summary>The source texts after the first offered fix, in the order given; fails when no fix is offered.</summary>
    public static async Task<IReadOnlyList<string>> ApplyFirstFixAsync(CodeFixProvider provider, string diagnosticId, params string[] sources)
    {
        var (workspace, projectId) = TestWorkspace.Create(sources);
        using (workspace)
        {
            var (document, diagnostic) = await DiagnosticInWorkspaceAsync(workspace.CurrentSolution.GetProject(projectId)!, diagnosticId);
            var actions = await OfferedActionsAsync(provider, document, diagnostic);
            Assert.True(actions.Count > 0, "No code fix was offered for " + diagnostic);

            var operations = await actions[0].GetOperationsAsync(CancellationToken.None);
            var apply = Assert.Single(operations.OfType<ApplyChangesOperation>());
            apply.Apply(workspace, CancellationToken.None);
            return await TestWorkspace.TextsAsync(workspace.CurrentSolution.GetProject(projectId)!);
        }
    }

    /// <summary>The titles of the code actions <paramref name="provider"/> offers for the diagnostic.</summary>
    public static async Task<IReadOnlyList<string>> OfferedTitlesAsync(CodeFixProvider provider, string diagnosticId, params string[] sources)
    {
        var (workspace, projectId) = TestWorkspace.Create(sources);
        using (workspace)
        {
            var (document, diagnostic) = await DiagnosticInWorkspaceAsync(workspace.CurrentSolution.GetProject(projectId)!, diagnosticId);
            var actions = await OfferedActionsAsync(provider, document, diagnostic);
            return actions.Select(action => action.Title).ToList();
        }
    }

    private static async Task<(Document Document, Diagnostic Diagnostic)> DiagnosticInWorkspaceAsync(Project project, string diagnosticId)
    {
        var compilation = await project.GetCompilationAsync();
        var run = GeneratorRun.Over(compilation!);
        var analyzerDiagnostics = await compilation!
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new MissingNetworkAttributeAnalyzer()))
            .GetAnalyzerDiagnosticsAsync();
        var diagnostic = Assert.Single(run.NetGenDiagnostics.Concat(analyzerDiagnostics), candidate => candidate.Id == diagnosticId);
        return (TestWorkspace.DocumentAt(project, diagnostic.Location.GetLineSpan().Path), diagnostic);
    }

    private static async Task<IReadOnlyList<CodeAction>> OfferedActionsAsync(CodeFixProvider provider, Document document, Diagnostic diagnostic)
    {
        Assert.Contains(diagnostic.Id, provider.FixableDiagnosticIds);
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await provider.RegisterCodeFixesAsync(context);
        return actions;
    }
}
