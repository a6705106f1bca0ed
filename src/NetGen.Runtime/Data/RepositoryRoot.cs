using System.IO;

namespace NetGen.Data;

/// <summary>Finds the NetGen checkout a process runs in, so tests and samples share one data folder.</summary>
internal static class RepositoryRoot
{
    public const string MarkerFile = "NetGen.sln";

    /// <summary>The nearest folder, from <paramref name="start"/> upwards, that holds <see cref="MarkerFile"/>; null when there is none.</summary>
    public static string? Find(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, MarkerFile)))
            {
                return folder.FullName;
            }
        }

        return null;
    }
}
