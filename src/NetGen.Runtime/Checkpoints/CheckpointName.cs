using System;
using System.Globalization;
using System.IO;
using System.Text;
using NetGen.Internal;

namespace NetGen;

/// <summary>
/// The names in a checkpoint (the network's, each tensor's), read with a bound and checked, so that a damaged file is
/// reported as corrupt, saying where, instead of echoing its bytes as a name.
/// </summary>
internal static class CheckpointName
{
    /// <summary>The longest name, in UTF-8 bytes, a checkpoint may hold; far beyond any generated class or tensor name.</summary>
    public const int MaxBytes = 256;

    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads a name written by <see cref="BinaryWriter.Write(string)"/>; <paramref name="what"/> says which, for messages.</summary>
    /// <exception cref="InvalidDataException">The length is out of bounds, the bytes are not UTF-8, or a character cannot be in a name.</exception>
    /// <exception cref="EndOfStreamException">The file ends inside the name.</exception>
    public static string Read(BinaryReader reader, string what, string path)
    {
        var position = reader.BaseStream.Position;
        int length;
        try
        {
            length = reader.Read7BitEncodedInt();
        }
        catch (FormatException)
        {
            throw Corrupt(path, $"the length of the {what} at byte {position} is not a valid length prefix");
        }

        if (length < 1 || length > MaxBytes)
        {
            throw Corrupt(path, $"the {what} at byte {position} claims to be {Plural.Of(length, "byte")} long; names are 1 to {MaxBytes} bytes");
        }

        var bytes = reader.ReadBytes(length);
        if (bytes.Length < length)
        {
            throw new EndOfStreamException();
        }

        string name;
        try
        {
            name = s_strictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw Corrupt(path, $"the {what} at byte {position} is not UTF-8 text");
        }

        for (var index = 0; index < name.Length; index++)
        {
            if (!IsNameCharacter(name[index]))
            {
                throw Corrupt(path, $"the {what} at byte {position} holds U+{(int)name[index]:X4} at character {index}, which no name has");
            }
        }

        return name;
    }

    /// <summary>The file's damage, without its bytes: "{path} is corrupt: {problem}."</summary>
    public static InvalidDataException Corrupt(string path, string problem) =>
        new($"{path} is corrupt: {problem}. The file is damaged or not a NetGen checkpoint.");

    // Names are C# identifiers, joined by dots for tensors ("Hidden.Weight").
    private static bool IsNameCharacter(char character) =>
        character == '.' || CharUnicodeInfo.GetUnicodeCategory(character) is
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or
            UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber or
            UnicodeCategory.DecimalDigitNumber or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or
            UnicodeCategory.ConnectorPunctuation or UnicodeCategory.Format;
}
