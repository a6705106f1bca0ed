using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace NetGen.Generator.Tests.Infrastructure;

/// <summary>Emits a compilation to memory and loads it into a collectible context, unloaded on dispose.</summary>
internal sealed class InMemoryAssembly : IDisposable
{
    private readonly AssemblyLoadContext _context;

    private InMemoryAssembly(AssemblyLoadContext context, Assembly assembly)
    {
        _context = context;
        Assembly = assembly;
    }

    public Assembly Assembly { get; }

    public static InMemoryAssembly Load(Compilation compilation)
    {
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, "Emit failed:\n" + string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));

        image.Position = 0;
        // NetGen.Runtime and NetGen.Attributes resolve from the default context, where the test host has them.
        var context = new AssemblyLoadContext("NetGen generated " + compilation.AssemblyName, isCollectible: true);
        return new InMemoryAssembly(context, context.LoadFromStream(image));
    }

    /// <summary>The value of a constant field of a type in the loaded assembly.</summary>
    public object? Constant(string typeName, string fieldName)
    {
        var type = Assembly.GetType(typeName, throwOnError: false);
        Assert.True(type is not null, "The generated assembly has no type " + typeName + ".");
        var field = type.GetField(fieldName, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static);
        Assert.True(field is { IsLiteral: true }, typeName + " has no constant " + fieldName + ".");
        return field.GetRawConstantValue();
    }

    public void Dispose() => _context.Unload();
}
