using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace NetGen.Bench.Peers;

/// <summary>
/// The symbol versions an ELF64 little-endian shared library requires (its <c>.gnu.version_r</c> section: one
/// <c>Elf64_Verneed</c> per library it needs, each with a chain of <c>Elf64_Vernaux</c> versions) and those it defines
/// (<c>.gnu.version_d</c>). A required version marked weak (<c>VER_FLG_WEAK</c> in <c>vna_flags</c>) no longer stops
/// the dynamic loader when the providing library lacks it; only the symbols bound to that version would then be missing.
/// </summary>
internal static class ElfVersionRequirements
{
    /// <summary>VER_FLG_WEAK: a weak version reference.</summary>
    public const ushort WeakFlag = 0x2;

    private const uint VersionNeededType = 0x6ffffffe; // SHT_GNU_verneed
    private const uint VersionDefinitionType = 0x6ffffffd; // SHT_GNU_verdef

    /// <summary>One required version: the library that should provide it, its name, and whether it is weak.</summary>
    public readonly record struct Requirement(string Library, string Version, bool Weak);

    /// <summary>Every version the file requires, in the order of its <c>.gnu.version_r</c> section.</summary>
    /// <exception cref="InvalidDataException">The file is not an ELF64 little-endian file or its tables run past its end.</exception>
    public static IReadOnlyList<Requirement> Read(string path)
    {
        var requirements = new List<Requirement>();
        var elf = File.ReadAllBytes(path);
        foreach (var (_, library, version, flags) in Auxiliaries(elf, path))
        {
            requirements.Add(new Requirement(library, version, (flags & WeakFlag) != 0));
        }

        return requirements;
    }

    /// <summary>Every version the file defines (a library's own versions, as <c>GLIBCXX_3.4.30</c> for libstdc++).</summary>
    /// <exception cref="InvalidDataException">The file is not an ELF64 little-endian file or its tables run past its end.</exception>
    public static IReadOnlySet<string> Definitions(string path)
    {
        var elf = File.ReadAllBytes(path);
        var definitions = new HashSet<string>(StringComparer.Ordinal);
        if (FindSection(elf, path, VersionDefinitionType) is not { } section)
        {
            return definitions;
        }

        var strings = StringTable(elf, path, section.Link);
        // Elf64_Verdef: vd_version, vd_flags, vd_ndx, vd_cnt (2 bytes each), vd_hash, vd_aux, vd_next (4 each);
        // its first Elf64_Verdaux (vda_name, vda_next) names the version.
        foreach (var definition in Chain(elf, path, section.Offset, section.Info, size: 20, nextField: 16))
        {
            var auxiliary = definition + U32(elf, definition + 12);
            Check(elf, path, auxiliary, 8);
            definitions.Add(Name(elf, path, strings, U32(elf, auxiliary)));
        }

        return definitions;
    }

    /// <summary>
    /// Marks every requirement of <paramref name="version"/> weak, in place. Returns whether the file changed: false when
    /// it does not require the version or already requires it weakly.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is not an ELF64 little-endian file or its tables run past its end.</exception>
    public static bool MarkWeak(string path, string version)
    {
        var elf = File.ReadAllBytes(path);
        var changed = false;
        foreach (var (flagsOffset, _, name, flags) in Auxiliaries(elf, path))
        {
            if (name == version && (flags & WeakFlag) == 0)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(elf.AsSpan(flagsOffset), (ushort)(flags | WeakFlag));
                changed = true;
            }
        }

        if (changed)
        {
            // Written beside and moved over, so a crash never leaves half a library; the file's mode is kept.
            var temporary = path + ".patching";
            File.WriteAllBytes(temporary, elf);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, File.GetUnixFileMode(path));
            }

            File.Move(temporary, path, overwrite: true);
        }

        return changed;
    }

    // Each Elf64_Vernaux: where its vna_flags are, the library of its Verneed, its version name and its flags.
    private static IEnumerable<(int FlagsOffset, string Library, string Version, ushort Flags)> Auxiliaries(byte[] elf, string path)
    {
        if (FindSection(elf, path, VersionNeededType) is not { } section)
        {
            yield break;
        }

        var strings = StringTable(elf, path, section.Link);
        // Elf64_Verneed: vn_version, vn_cnt (2 bytes each), vn_file, vn_aux, vn_next (4 each);
        // Elf64_Vernaux: vna_hash (4), vna_flags, vna_other (2 each), vna_name, vna_next (4 each).
        foreach (var needed in Chain(elf, path, section.Offset, section.Info, size: 16, nextField: 12))
        {
            var library = Name(elf, path, strings, U32(elf, needed + 4));
            foreach (var auxiliary in Chain(elf, path, needed + U32(elf, needed + 8), U16(elf, needed + 2), size: 16, nextField: 12))
            {
                yield return (auxiliary + 4, library, Name(elf, path, strings, U32(elf, auxiliary + 8)), (ushort)U16(elf, auxiliary + 4));
            }
        }
    }

    // The offsets of a chain of at most count entries of the given size, each giving the distance to the next at nextField
    // (0 ends the chain early), checked to lie within the file.
    private static IEnumerable<int> Chain(byte[] elf, string path, int first, int count, int size, int nextField)
    {
        var offset = first;
        for (var index = 0; index < count; index++)
        {
            Check(elf, path, offset, size);
            yield return offset;
            var next = U32(elf, offset + nextField);
            if (next == 0)
            {
                yield break;
            }

            offset += next;
        }
    }

    private readonly record struct Section(int Offset, int Size, int Link, int Info);

    // The first section of the type, from the section header table (ELF64: e_shoff at 0x28, e_shentsize, e_shnum at 0x3A, 0x3C).
    private static Section? FindSection(byte[] elf, string path, uint type)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
        {
            throw new InvalidDataException($"{path} is not an ELF file.");
        }

        if (elf[4] != 2 || elf[5] != 1)
        {
            throw new InvalidDataException($"{path} is not a 64-bit little-endian ELF file.");
        }

        var headers = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan(0x28)));
        var headerSize = U16(elf, 0x3A);
        var count = U16(elf, 0x3C);
        if (headerSize < 64)
        {
            throw new InvalidDataException($"{path}: section headers of {headerSize} bytes; ELF64's are 64.");
        }

        for (var index = 0; index < count; index++)
        {
            var header = headers + (index * headerSize);
            Check(elf, path, header, 64);
            if (U32(elf, header + 4) != type)
            {
                continue;
            }

            // Elf64_Shdr: sh_name, sh_type (4 each), sh_flags, sh_addr, sh_offset, sh_size (8 each), sh_link, sh_info (4 each).
            var section = new Section(
                checked((int)BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan(header + 24))),
                checked((int)BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan(header + 32))),
                U32(elf, header + 40),
                U32(elf, header + 44));
            Check(elf, path, section.Offset, section.Size);
            return section;
        }

        return null;
    }

    // The string table a section links to (.dynstr for the version sections): its offset and size in the file.
    private static (int Offset, int Size) StringTable(byte[] elf, string path, int index)
    {
        var headers = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan(0x28)));
        var header = headers + (index * U16(elf, 0x3A));
        Check(elf, path, header, 64);
        var table = (checked((int)BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan(header + 24))),
            checked((int)BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan(header + 32))));
        Check(elf, path, table.Item1, table.Item2);
        return table;
    }

    private static string Name(byte[] elf, string path, (int Offset, int Size) strings, int name)
    {
        if (name < 0 || name >= strings.Size)
        {
            throw new InvalidDataException($"{path}: a version name lies outside its string table.");
        }

        var text = elf.AsSpan(strings.Offset + name, strings.Size - name);
        var end = text.IndexOf((byte)0);
        return Encoding.ASCII.GetString(end < 0 ? text : text[..end]);
    }

    private static void Check(byte[] elf, string path, int offset, int length)
    {
        if (offset < 0 || length < 0 || offset > elf.Length - length)
        {
            throw new InvalidDataException($"{path}: an ELF table runs past the end of the file.");
        }
    }

    private static int U16(byte[] elf, int offset) => BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(offset));

    private static int U32(byte[] elf, int offset) => checked((int)BinaryPrimitives.ReadUInt32LittleEndian(elf.AsSpan(offset)));
}
