using System;
using System.IO;

namespace NetGen.Tests.Checkpoints;

/// <summary>A directory of its own for a test's files, removed with the test class.</summary>
public abstract class TemporaryDirectory : IDisposable
{
    protected string Directory { get; } = Path.Combine(Path.GetTempPath(), "netgen-safetensors-" + Guid.NewGuid().ToString("N"));

    protected string PathOf(string file) => Path.Combine(Directory, file);

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
