namespace NetGen.Generator.Model;

/// <summary>
/// A member the user declares in a network class, as much of it as decides whether it collides with a generated member: its
/// name, and for a method its type parameter count and parameter types ("System.ReadOnlySpan&lt;float&gt;, int").
/// </summary>
internal sealed record UserMember(string Name, bool IsMethod, int Arity, string Parameters, SourceLocation? Location);
