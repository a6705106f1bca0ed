namespace NetGen.Generator.Emit;

/// <summary>Where the runtime types the generated code calls live.</summary>
internal static class RuntimeTypes
{
    /// <summary>The namespace of what exists only for generated code (kernels, activation structs, shapes), as a qualified prefix.</summary>
    public const string Internal = "global::NetGen.Internal.";
}
