using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator.Model;

namespace NetGen.Generator.Emit;

/// <summary>A member the emitter declares in a network class: its name, for a method its parameter types, and how messages name it.</summary>
internal sealed record GeneratedMember(string Name, bool IsMethod, int Arity, string Parameters, string Description);

/// <summary>
/// Reads the members declared in a network class from the code the emitter wrote, so that the list checked against the
/// user's members is the emitted code itself and cannot fall behind it (per-layer fields included).
/// </summary>
internal static class GeneratedMembers
{
    public static IReadOnlyList<GeneratedMember> Read(string generatedSource, NetworkModel network)
    {
        var root = CSharpSyntaxTree.ParseText(generatedSource).GetRoot();

        // The network class is the first class of its name: a containing type cannot share it (CS0542), and layer classes come later.
        var networkClass = root.DescendantNodes().OfType<ClassDeclarationSyntax>().FirstOrDefault(type => type.Identifier.ValueText == network.ClassName);
        return networkClass is null ? [] : networkClass.Members.SelectMany(Describe).ToList();
    }

    private static IEnumerable<GeneratedMember> Describe(MemberDeclarationSyntax member) => member switch
    {
        FieldDeclarationSyntax field => field.Declaration.Variables.Select(variable => Named(
            variable.Identifier.ValueText, field.Modifiers.Any(modifier => modifier.IsKind(SyntaxKind.ConstKeyword)) ? "constant" : "field")),
        PropertyDeclarationSyntax property => [Named(ExplicitPrefix(property.ExplicitInterfaceSpecifier) + property.Identifier.ValueText, "property")],
        MethodDeclarationSyntax method => [Method(method)],
        BaseTypeDeclarationSyntax type => [Named(type.Identifier.ValueText, "class")],
        _ => [],
    };

    private static GeneratedMember Named(string name, string kind) => new(name, IsMethod: false, 0, string.Empty, kind + " " + name);

    private static GeneratedMember Method(MethodDeclarationSyntax method)
    {
        var name = ExplicitPrefix(method.ExplicitInterfaceSpecifier) + method.Identifier.ValueText;
        var parameters = string.Join(", ", method.ParameterList.Parameters.Select(parameter =>
            string.Concat(parameter.Modifiers.Where(IsRefKind).Select(modifier => modifier.ValueText + " ")) + TypeText(parameter.Type)));
        return new GeneratedMember(name, IsMethod: true, method.TypeParameterList?.Parameters.Count ?? 0, parameters,
            "method " + name + "(" + parameters + ")");
    }

    private static bool IsRefKind(SyntaxToken modifier) =>
        modifier.Kind() is SyntaxKind.RefKeyword or SyntaxKind.OutKeyword or SyntaxKind.InKeyword;

    private static string ExplicitPrefix(ExplicitInterfaceSpecifierSyntax? specifier) =>
        specifier is null ? string.Empty : TypeText(specifier.Name) + ".";

    /// <summary>
    /// A type as <see cref="Parsing.UserMembers"/> writes the user's: without "global::" and nullable annotations (which
    /// do not tell overloads apart; a nullable value type then compares as its underlying type, which the emitter never uses).
    /// </summary>
    private static string TypeText(TypeSyntax? type) =>
        type is null ? string.Empty : type.ToString().Replace("global::", string.Empty).Replace("?", string.Empty).Replace(" ", string.Empty).Replace(",", ", ");
}
