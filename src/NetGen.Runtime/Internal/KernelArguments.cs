using System;

namespace NetGen.Internal;

/// <summary>The argument checks the kernels share: a span long enough for its tensor, and a written span apart from the others.</summary>
internal static class KernelArguments
{
    /// <summary><paramref name="span"/> cut to <paramref name="length"/>; an ArgumentException naming it when it is shorter.</summary>
    public static ReadOnlySpan<float> Require(ReadOnlySpan<float> span, long length, string name)
    {
        if (span.Length < length)
        {
            ThrowTooShort(span.Length, length, name);
        }

        return span[..(int)length];
    }

    /// <inheritdoc cref="Require(ReadOnlySpan{float}, long, string)"/>
    public static Span<float> Require(Span<float> span, long length, string name)
    {
        if (span.Length < length)
        {
            ThrowTooShort(span.Length, length, name);
        }

        return span[..(int)length];
    }

    /// <summary>As <see cref="Require(ReadOnlySpan{float}, long, string)"/>, but an empty span (a tensor the layer does not have) passes.</summary>
    public static ReadOnlySpan<float> RequireOptional(ReadOnlySpan<float> span, long length, string name) =>
        span.IsEmpty ? span : Require(span, length, name);

    /// <inheritdoc cref="RequireOptional(ReadOnlySpan{float}, long, string)"/>
    public static Span<float> RequireOptional(Span<float> span, long length, string name) =>
        span.IsEmpty ? span : Require(span, length, name);

    /// <summary>An ArgumentException naming <paramref name="written"/> when it overlaps any of the others.</summary>
    public static void RequireDisjoint(
        ReadOnlySpan<float> written, string name, ReadOnlySpan<float> first, ReadOnlySpan<float> second = default,
        ReadOnlySpan<float> third = default, ReadOnlySpan<float> fourth = default, ReadOnlySpan<float> fifth = default,
        ReadOnlySpan<float> sixth = default, ReadOnlySpan<float> seventh = default)
    {
        if (written.Overlaps(first) || written.Overlaps(second) || written.Overlaps(third) || written.Overlaps(fourth)
            || written.Overlaps(fifth) || written.Overlaps(sixth) || written.Overlaps(seventh))
        {
            throw new ArgumentException($"{name} overlaps another argument; it must be a buffer of its own.", name);
        }
    }

    private static void ThrowTooShort(int length, long required, string name) =>
        throw new ArgumentException($"{name} holds {Plural.Of(length, "float")} but needs {required}.", name);
}
