using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Model;

namespace NetGen.Generator.Parsing;

/// <summary>
/// One layer attribute's arguments as its descriptor reads them: the positional sizes and the named options, each range
/// checked and reported at the argument at fault. A named argument the descriptor never reads (a property of a newer
/// attribute version) counts as a compiler error, so the network is not emitted with an option silently ignored.
/// </summary>
internal sealed class LayerArguments
{
    private readonly AttributeData _attribute;
    private readonly AttributeSyntax _syntax;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly Dictionary<string, TypedConstant> _named = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public LayerArguments(LayerKind kind, string defaultName, AttributeData attribute, AttributeSyntax syntax, List<DiagnosticInfo> diagnostics)
    {
        Kind = kind;
        _attribute = attribute;
        _syntax = syntax;
        _diagnostics = diagnostics;
        Location = SourceLocation.From(syntax.GetLocation());
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Value.Kind == TypedConstantKind.Error)
            {
                HasCompilerErrors = true;
                continue;
            }

            _named[argument.Key] = argument.Value;
        }

        Name = ReadName(defaultName);
    }

    public LayerKind Kind { get; }

    /// <summary>The layer's name: <c>Name</c> when given (checked to be a C# identifier), else the default.</summary>
    public string Name { get; }

    /// <summary>The whole attribute, where diagnostics about the layer as a whole go.</summary>
    public SourceLocation? Location { get; }

    public bool HasCompilerErrors { get; private set; }

    /// <summary>Whether a size, kernel, stride or padding was out of range (NG0006): the layer's shapes would be guesses.</summary>
    public bool HasSizeOutOfRange { get; private set; }

    /// <summary>Whether any named argument was left unread; call once the descriptor has read what it takes.</summary>
    public bool HasUnreadOptions => _named.Keys.Any(name => !_read.Contains(name));

    /// <summary>The constructor's integer arguments in order, each checked to be at least 1.</summary>
    public EquatableArray<int> Sizes()
    {
        var sizes = new List<int>();
        var parameters = _attribute.AttributeConstructor!.Parameters;
        for (var index = 0; index < _attribute.ConstructorArguments.Length; index++)
        {
            if (_attribute.ConstructorArguments[index].Value is not int value)
            {
                continue;
            }

            var parameterName = index < parameters.Length ? parameters[index].Name : "size";
            CheckAtLeast(parameterName, value, 1, ConstructorArgumentLocation(index));
            sizes.Add(value);
        }

        return sizes.ToEquatableArray();
    }

    /// <summary>The first constructor size, or 1 where it is missing (the compiler or <see cref="Sizes"/> reported why).</summary>
    public int Size()
    {
        var sizes = Sizes();
        return sizes.Count == 1 ? Math.Max(sizes[0], 1) : 1;
    }

    /// <summary>
    /// The constructor's <c>int</c> argument at <paramref name="index"/>, checked to be at least <paramref name="minimum"/> and
    /// reported under its parameter's name at the argument; null where it is missing (the compiler reported why).
    /// </summary>
    public int? PositionalInt(int index, int minimum)
    {
        if (index >= _attribute.ConstructorArguments.Length || _attribute.ConstructorArguments[index].Value is not int value)
        {
            return null;
        }

        var parameters = _attribute.AttributeConstructor!.Parameters;
        CheckAtLeast(index < parameters.Length ? parameters[index].Name : "size", value, minimum, ConstructorArgumentLocation(index));
        return value;
    }

    /// <summary>The constructor's <c>double</c> argument at <paramref name="index"/> (null where the compiler reported it), and where it is written.</summary>
    public (double? Value, SourceLocation? Location) PositionalDouble(int index) =>
        (index < _attribute.ConstructorArguments.Length && _attribute.ConstructorArguments[index].Value is double value ? value : null,
         ConstructorArgumentLocation(index));

    /// <summary>Reports <paramref name="descriptor"/> at <paramref name="location"/>.</summary>
    public void Report(DiagnosticDescriptor descriptor, SourceLocation? location, params object[] messageArguments) =>
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, location, messageArguments));

    /// <summary>An <c>int</c> option checked to be at least <paramref name="minimum"/>, or null when not set.</summary>
    public int? Int(string name, int minimum)
    {
        if (Read(name) is not int value)
        {
            return null;
        }

        CheckAtLeast(name, value, minimum, NamedArgumentLocation(_syntax, name) ?? Location);
        return value;
    }

    public double? Double(string name) => Read(name) is double value ? value : null;

    /// <summary>A <c>double</c> option (null when not set) and where it is written, for a descriptor that checks its range.</summary>
    public (double? Value, SourceLocation? Location) NamedDouble(string name) => (Double(name), NamedArgumentLocation(_syntax, name) ?? Location);

    public bool Bool(string name, bool defaultValue) => Read(name) is bool value ? value : defaultValue;

    /// <summary>An enum option; a value outside the enum's members (a cast such as <c>(Activation)99</c>) is reported and counts as a compiler error.</summary>
    public TEnum Enum<TEnum>(string name, TEnum defaultValue)
        where TEnum : struct, Enum
    {
        if (Read(name) is not int value)
        {
            return defaultValue;
        }

        if (EnumArgument.TryRead<TEnum>(value, name, Kind.ToString(), Name, _syntax, _diagnostics, out var result))
        {
            return result;
        }

        HasCompilerErrors = true;
        return defaultValue;
    }

    /// <summary>The <c>Activation</c> and <c>Alpha</c> options.</summary>
    public ActivationChoice Activation() => new(Enum("Activation", ActivationKind.Identity), Double("Alpha"));

    private object? Read(string name)
    {
        _read.Add(name);
        return _named.TryGetValue(name, out var value) ? value.Value : null;
    }

    private string ReadName(string defaultName)
    {
        if (!_named.ContainsKey("Name"))
        {
            return defaultName;
        }

        var location = NamedArgumentLocation(_syntax, "Name") ?? Location;
        if (Read("Name") is not string name)
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidLayerName, location,
                "must not be null; leave Name out to use the default name '" + defaultName + "'"));
            return defaultName;
        }

        if (LayerNames.Problem(name) is { } problem)
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidLayerName, location, "'" + name + "' " + problem));
        }

        return name;
    }

    private void CheckAtLeast(string argument, int value, int minimum, SourceLocation? location)
    {
        if (value < minimum)
        {
            HasSizeOutOfRange = true;
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NonPositiveSize, location, Kind, Name, argument, value, minimum));
        }
    }

    /// <summary>Where the constructor's argument <paramref name="index"/> is written: by its parameter's name (<c>pieces: 3</c>) or by position.</summary>
    private SourceLocation? ConstructorArgumentLocation(int index)
    {
        var parameters = _attribute.AttributeConstructor is { } constructor ? constructor.Parameters : ImmutableArray<IParameterSymbol>.Empty;
        var named = index < parameters.Length
            ? _syntax.ArgumentList?.Arguments.FirstOrDefault(argument => argument.NameColon?.Name.Identifier.ValueText == parameters[index].Name)
            : null;
        return named is not null ? SourceLocation.From(named.GetLocation()) : PositionalArgumentLocation(_syntax, index) ?? Location;
    }

    internal static SourceLocation? PositionalArgumentLocation(AttributeSyntax syntax, int index)
    {
        var positional = syntax.ArgumentList?.Arguments.Where(argument => argument.NameEquals is null).ToList();
        return positional is not null && index < positional.Count ? SourceLocation.From(positional[index].GetLocation()) : null;
    }

    internal static SourceLocation? NamedArgumentLocation(AttributeSyntax syntax, string name)
    {
        var argument = syntax.ArgumentList?.Arguments.FirstOrDefault(candidate => candidate.NameEquals?.Name.Identifier.ValueText == name);
        return argument is null ? null : SourceLocation.From(argument.GetLocation());
    }
}
