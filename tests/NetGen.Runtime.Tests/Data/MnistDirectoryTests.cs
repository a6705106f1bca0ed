using System;
using System.IO;
using NetGen.Data;

namespace NetGen.Tests.Data;

/// <summary>Mnist.DefaultDirectory; in the collection that reads it, since one test changes the environment.</summary>
[Collection(MnistEnvironmentCollection.Name)]
public sealed class MnistDirectoryTests
{
    [Fact]
    public void DefaultDirectory_FollowsTheEnvironmentVariable()
    {
        var saved = Environment.GetEnvironmentVariable(Mnist.DirectoryVariable);
        try
        {
            var chosen = Path.Combine(Path.GetTempPath(), "elsewhere", "mnist");
            Environment.SetEnvironmentVariable(Mnist.DirectoryVariable, chosen);
            Assert.Equal(Path.GetFullPath(chosen), Mnist.DefaultDirectory);

            Environment.SetEnvironmentVariable(Mnist.DirectoryVariable, null);
            var fallback = Mnist.DefaultDirectory;
            Assert.True(Path.IsPathRooted(fallback));
            Assert.EndsWith(Path.Combine("data", "mnist"), fallback);
        }
        finally
        {
            Environment.SetEnvironmentVariable(Mnist.DirectoryVariable, saved);
        }
    }

    [Fact]
    public void DefaultDirectory_IsUnderTheRepositoryRootWhenRunInsideIt()
    {
        var saved = Environment.GetEnvironmentVariable(Mnist.DirectoryVariable);
        try
        {
            Environment.SetEnvironmentVariable(Mnist.DirectoryVariable, null);
            var root = FindUpwards(Directory.GetCurrentDirectory(), "NetGen.sln");
            var expected = Path.Combine(root ?? Directory.GetCurrentDirectory(), "data", "mnist");

            Assert.Equal(expected, Mnist.DefaultDirectory);
        }
        finally
        {
            Environment.SetEnvironmentVariable(Mnist.DirectoryVariable, saved);
        }
    }

    private static string? FindUpwards(string start, string fileName)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, fileName)))
            {
                return folder.FullName;
            }
        }

        return null;
    }
}
