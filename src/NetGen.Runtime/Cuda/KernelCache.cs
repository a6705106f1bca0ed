using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace NetGen.Cuda;

/// <summary>
/// Compiled CUDA images (PTX or CUBIN) on disk, keyed by a SHA-256 of the source, the options, the architecture and
/// NVRTC's version, so a network compiles once per machine and change. Writes are atomic (a temporary file, then a
/// rename), and a cache that cannot be written never fails a run: the image is simply compiled again next time.
/// </summary>
public sealed class KernelCache
{
    /// <summary>The environment variable that overrides <see cref="DefaultDirectory"/>.</summary>
    public const string DirectoryVariable = "NETGEN_CACHE_DIR";

    public KernelCache(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = directory;
    }

    /// <summary>
    /// $NETGEN_CACHE_DIR if set; otherwise $XDG_CACHE_HOME/netgen/kernels or ~/.cache/netgen/kernels on Linux and macOS,
    /// and %LOCALAPPDATA%\NetGen\kernels on Windows.
    /// </summary>
    public static string DefaultDirectory
    {
        get
        {
            if (Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } configured)
            {
                return configured;
            }

            if (OperatingSystem.IsWindows())
            {
                return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "NetGen", "kernels");
            }

            var cacheHome = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
                ? xdg
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
            return Path.Combine(cacheHome, "netgen", "kernels");
        }
    }

    /// <summary>The folder holding the images.</summary>
    public string Directory { get; }

    /// <summary>The cache key: hex SHA-256 over the source, options, architecture and NVRTC version, each length-prefixed.</summary>
    public static string Key(string source, IReadOnlyList<string> options, string architecture, (int Major, int Minor) nvrtcVersion)
    {
        var text = new StringBuilder();
        void Add(string part) => text.Append(part.Length).Append(':').Append(part).Append('\n');
        Add(source);
        foreach (var option in options)
        {
            Add(option);
        }

        Add(architecture);
        Add(nvrtcVersion.Major + "." + nvrtcVersion.Minor);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>The cached image for <paramref name="key"/>, or <paramref name="compile"/>'s, stored for next time.</summary>
    /// <returns>The image and whether it came from the cache.</returns>
    public (byte[] Image, bool FromCache) GetOrCompile(string key, NvrtcTarget target, Func<byte[]> compile)
    {
        ArgumentNullException.ThrowIfNull(compile);
        var path = PathOf(key, target);
        if (TryRead(path) is { } cached)
        {
            return (cached, true);
        }

        var image = compile();
        TryWrite(path, image);
        return (image, false);
    }

    /// <summary>The file an image with <paramref name="key"/> is stored in.</summary>
    public string PathOf(string key, NvrtcTarget target) => Path.Combine(Directory, key + (target == NvrtcTarget.Cubin ? ".cubin" : ".ptx"));

    private static byte[]? TryRead(string path)
    {
        try
        {
            var image = File.ReadAllBytes(path);
            return image.Length > 0 ? image : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private void TryWrite(string path, byte[] image)
    {
        var temporary = path + "." + Environment.ProcessId + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            File.WriteAllBytes(temporary, image);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(temporary);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
                // Nothing more to do: the cache is an optimisation.
            }
        }
    }
}
