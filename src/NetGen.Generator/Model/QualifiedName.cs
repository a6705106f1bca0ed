using System.Linq;

namespace NetGen.Generator.Model;

/// <summary>The fully qualified name users see of a generated type, used as a hint name and in messages.</summary>
internal static class QualifiedName
{
    public static string Of(string? @namespace, EquatableArray<ContainingType> containingTypes, string className) =>
        (@namespace is null ? string.Empty : @namespace + ".") +
        string.Concat(containingTypes.Select(type => type.Name + ".")) +
        className;
}
