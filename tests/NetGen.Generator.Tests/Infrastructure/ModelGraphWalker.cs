using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace NetGen.Generator.Tests.Infrastructure;

/// <summary>
/// Walks an object graph field by field (public and private, boxed structs included) and reports every
/// object of a Roslyn type that must not be cached in an incremental pipeline: holding one roots a
/// whole compilation and defeats the cache.
/// </summary>
internal sealed class ModelGraphWalker
{
    private static readonly Type[] s_forbidden =
    {
        typeof(ISymbol),
        typeof(SyntaxNode),
        typeof(SyntaxTree),
        typeof(Compilation),
        typeof(SemanticModel),
        typeof(Location),
    };

    private readonly HashSet<object> _visited = new(ReferenceEqualityComparer.Instance);
    private readonly List<string> _violations = new();

    /// <summary>Every type seen on the way, so that callers can check the walk reached the model at all.</summary>
    public HashSet<Type> VisitedTypes { get; } = new();

    public IReadOnlyList<string> Violations => _violations;

    public void Walk(object? root, string path)
    {
        if (root is null)
        {
            return;
        }

        var type = root.GetType();
        if (IsLeaf(type) || (!type.IsValueType && !_visited.Add(root)))
        {
            return;
        }

        VisitedTypes.Add(type);
        var forbidden = s_forbidden.FirstOrDefault(candidate => candidate.IsAssignableFrom(type));
        if (forbidden is not null)
        {
            _violations.Add(path + " is a " + type.FullName + " (" + forbidden.Name + ")");
            return;
        }

        if (root is Array array)
        {
            var index = 0;
            foreach (var element in array)
            {
                Walk(element, path + "[" + index++ + "]");
            }

            return;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var field in current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (field.FieldType.IsPointer || field.FieldType.IsByRefLike)
                {
                    continue;
                }

                Walk(field.GetValue(root), path + "." + field.Name);
            }
        }
    }

    private static bool IsLeaf(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type.IsPointer ||
        typeof(Type).IsAssignableFrom(type);
}
