using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Model;

namespace NetGen.Generator.Parsing;

/// <summary>Reads the members a user declares in a network class, for the check against the generated ones.</summary>
internal static class UserMembers
{
    /// <summary>Parameter types as the collision check compares them: namespace-qualified, keywords for special types, no "global::".</summary>
    private static readonly SymbolDisplayFormat s_typeFormat = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

    public static EquatableArray<UserMember> Read(INamedTypeSymbol type) =>
        type.GetMembers()
            .Where(member => !member.IsImplicitlyDeclared && IsNamedMember(member))
            .Select(member => member is IMethodSymbol method
                ? new UserMember(NameOf(member), IsMethod: true, method.Arity, Parameters(method.Parameters), LocationOf(member))
                : new UserMember(NameOf(member), IsMethod: false, 0, string.Empty, LocationOf(member)))
            .ToEquatableArray();

    /// <summary>The member's name; for an explicit interface implementation, the interface's and the member's ("NetGen.INetwork.InputSize").</summary>
    private static string NameOf(ISymbol member)
    {
        var implemented = member switch
        {
            IMethodSymbol method => method.ExplicitInterfaceImplementations.FirstOrDefault<ISymbol>(),
            IPropertySymbol property => property.ExplicitInterfaceImplementations.FirstOrDefault(),
            IEventSymbol @event => @event.ExplicitInterfaceImplementations.FirstOrDefault(),
            _ => null,
        };
        return implemented is null ? member.Name : implemented.ContainingType.ToDisplayString(s_typeFormat) + "." + implemented.Name;
    }

    /// <summary>"ref System.Span&lt;float&gt;, int": the types in order with their ref kinds, as they decide overloads (nullable annotations do not).</summary>
    public static string Parameters(IEnumerable<IParameterSymbol> parameters) =>
        string.Join(", ", parameters.Select(parameter => RefKindPrefix(parameter.RefKind) + parameter.Type.ToDisplayString(s_typeFormat).Replace("?", string.Empty)));

    /// <summary>Members that take a name in the class: not constructors, operators or accessors, which cannot collide by name.</summary>
    private static bool IsNamedMember(ISymbol member) => member switch
    {
        IMethodSymbol method => method.MethodKind is MethodKind.Ordinary or MethodKind.ExplicitInterfaceImplementation,
        IPropertySymbol property => !property.IsIndexer,
        IFieldSymbol or IEventSymbol or INamedTypeSymbol => true,
        _ => false,
    };

    private static string RefKindPrefix(RefKind refKind) => refKind switch
    {
        RefKind.Ref => "ref ",
        RefKind.Out => "out ",
        RefKind.In or RefKind.RefReadOnlyParameter => "in ",
        _ => string.Empty,
    };

    private static SourceLocation? LocationOf(ISymbol member) =>
        SourceLocation.From(member.Locations.FirstOrDefault(location => location.IsInSource));
}
