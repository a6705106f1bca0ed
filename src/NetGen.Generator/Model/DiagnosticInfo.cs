using System.Linq;
using Microsoft.CodeAnalysis;

namespace NetGen.Generator.Model;

/// <summary>A diagnostic carried through the pipeline as plain data and reported at output time.</summary>
internal sealed record DiagnosticInfo(string DescriptorId, SourceLocation? Location, EquatableArray<string> MessageArguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, SourceLocation? location, params object[] messageArguments) =>
        new(descriptor.Id, location, messageArguments.Select(argument => argument?.ToString() ?? string.Empty).ToEquatableArray());

    /// <summary>The diagnostic, located in <paramref name="compilation"/>'s syntax tree of its file where it has one.</summary>
    public Diagnostic ToDiagnostic(Compilation compilation) =>
        Diagnostic.Create(
            Diagnostics.DiagnosticDescriptors.ById(DescriptorId),
            Location?.ToLocation(compilation) ?? Microsoft.CodeAnalysis.Location.None,
            MessageArguments.Cast<object>().ToArray());
}
