namespace NetGen.Generator.Emit;

/// <summary>
/// The version stamped on generated code ([GeneratedCode]); kept equal to the package version in Directory.Build.props
/// (a test compares them), and a constant so that the generated text does not depend on how the generator was loaded.
/// </summary>
internal static class GeneratorVersion
{
    public const string Text = "0.1.0";
}
