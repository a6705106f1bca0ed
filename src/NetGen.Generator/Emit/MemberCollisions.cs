using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Model;

namespace NetGen.Generator.Emit;

/// <summary>
/// NG0026: members the user declares in a network class that the generated part declares too. The compiler would report
/// them inside the generated file (CS0102, CS0111); NetGen reports them on the user's member and emits nothing instead.
/// </summary>
internal static class MemberCollisions
{
    public static IReadOnlyList<DiagnosticInfo> Find(NetworkModel network, string generatedSource)
    {
        if (network.Members.Count == 0)
        {
            return [];
        }

        var generated = GeneratedMembers.Read(generatedSource, network).ToLookup(member => member.Name, System.StringComparer.Ordinal);
        var collisions = new List<DiagnosticInfo>();
        foreach (var user in network.Members)
        {
            if (generated[user.Name].FirstOrDefault(member => Collide(user, member)) is { } collision)
            {
                collisions.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MemberCollidesWithGenerated, user.Location,
                    user.Name, collision.Description, network.ClassName));
            }
        }

        return collisions;
    }

    /// <summary>Two members of one name collide unless both are methods that overload: other type parameter counts or parameter types.</summary>
    private static bool Collide(UserMember user, GeneratedMember generated) =>
        !user.IsMethod || !generated.IsMethod || (user.Arity == generated.Arity && user.Parameters == generated.Parameters);
}
