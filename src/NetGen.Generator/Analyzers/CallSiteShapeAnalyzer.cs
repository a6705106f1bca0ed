using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using NetGen.Generator.Diagnostics;

namespace NetGen.Generator.Analyzers;

/// <summary>
/// Checks calls to a network's generated methods whose float buffers have a length known at build time
/// (<c>new float[3]</c>, <c>new[] { 1f, 2f }</c>, <c>[1f, 2f]</c>): each must hold whole samples of the
/// network's <c>InputSize</c> or <c>OutputSize</c>, and the inputs as many samples as their targets, outputs
/// or predictions. What the generated guards would throw at run time becomes NG0021 at build time.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CallSiteShapeAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.NotWholeSamples);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterOperationAction(AnalyzeInvocation, OperationKind.Invocation);
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (!NetworkMethods.IsChecked(invocation.TargetMethod) ||
            NetworkShape.Read(invocation.TargetMethod.ContainingType) is not { } network)
        {
            return;
        }

        var batch = default(SampleBuffer?);
        var partner = default(SampleBuffer?);
        foreach (var argument in invocation.Arguments)
        {
            if (SampleBuffer.From(argument) is not { } buffer)
            {
                continue;
            }

            if (SampleChecks.WholeSamples(buffer, network) is { } problem)
            {
                Report(context, buffer, problem);
                continue;
            }

            if (buffer.Role.IsBatchOfInputs)
            {
                batch = buffer;
            }
            else if (!buffer.Role.IsInput)
            {
                partner = buffer;
            }
        }

        if (batch is not null && partner is not null && SampleChecks.SameSampleCount(batch, partner, network) is { } mismatch)
        {
            Report(context, partner, mismatch);
        }
    }

    private static void Report(OperationAnalysisContext context, SampleBuffer buffer, string problem) =>
        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.NotWholeSamples,
            buffer.Location,
            buffer.Role.ParameterName,
            problem));
}
