using System;
using System.IO;

namespace NetGen;

/// <summary>Writes a checkpoint file whole or not at all: into a temporary file beside it, then moved over it.</summary>
internal static class CheckpointFile
{
    /// <summary>
    /// Creates <paramref name="path"/>'s directory, lets <paramref name="write"/> fill "<paramref name="path"/>.tmp", then
    /// moves it to <paramref name="path"/>; when writing fails the temporary file is removed and <paramref name="path"/> is untouched.
    /// </summary>
    public static void WriteThroughTemporary(string path, Action<Stream> write)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var temporary = path + ".tmp";
        try
        {
            using (var stream = File.Create(temporary))
            {
                write(stream);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
