using System;
using System.Globalization;
using System.IO;

namespace NetGen.Data;

/// <summary>
/// Builds the exceptions for bad data files. <see cref="InvalidDataException"/> is sealed, so there is no
/// subclass: the message carries the path instead, as "<c>path: what was expected but what was found</c>".
/// </summary>
internal static class DataFileErrors
{
    /// <summary>An <see cref="InvalidDataException"/> whose message is the path, a colon, and the problem (formatted invariantly).</summary>
    public static InvalidDataException Problem(string path, FormattableString problem) =>
        new($"{path}: {problem.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>As <see cref="Problem(string, FormattableString)"/>, caused by <paramref name="cause"/>.</summary>
    public static InvalidDataException Problem(string path, FormattableString problem, Exception cause) =>
        new($"{path}: {problem.ToString(CultureInfo.InvariantCulture)}", cause);

    /// <summary>A <see cref="FileNotFoundException"/> for <paramref name="path"/> that says how to get MNIST.</summary>
    public static FileNotFoundException Missing(string path, string problem, Exception? cause = null) =>
        new($"{path}: {problem}. To get MNIST, run scripts/fetch-mnist.sh [directory] (or place the four IDX files in the directory yourself).", path, cause);
}
