using System;
using System.Collections.Generic;

namespace NetGen.Cuda;

/// <summary>
/// What a <see cref="CudaSession"/> has acquired (the retained context, the module, streams, events, device and pinned
/// host memory, argument blocks), each registered with its release as soon as it is acquired. <see cref="Dispose"/>
/// releases in the reverse order of acquisition, every one even when some throw, and never throws itself: when a
/// constructor fails midway it releases exactly what was taken before the failure, and the original exception stays
/// the one the caller sees.
/// </summary>
internal sealed class CudaResources : IDisposable
{
    private readonly List<Action> _releases = [];
    private readonly List<Exception> _failures = [];
    private bool _disposed;

    /// <summary>Releases not yet run.</summary>
    public int Count => _releases.Count;

    /// <summary>What releases threw, in the order they ran; kept, not rethrown.</summary>
    public IReadOnlyList<Exception> Failures => _failures;

    /// <summary>
    /// Runs <paramref name="construct"/> with a new owner and returns what it built, which keeps the owner; when it
    /// throws, releases what it had registered and rethrows the original exception.
    /// </summary>
    public static T Own<T>(Func<CudaResources, T> construct)
    {
        ArgumentNullException.ThrowIfNull(construct);
        var resources = new CudaResources();
        var built = false;
        try
        {
            var result = construct(resources);
            built = true;
            return result;
        }
        finally
        {
            if (!built)
            {
                resources.Dispose();
            }
        }
    }

    /// <summary>Registers the release of something just acquired.</summary>
    /// <exception cref="ObjectDisposedException">The owner has already released everything.</exception>
    public void Add(Action release)
    {
        ArgumentNullException.ThrowIfNull(release);
        ObjectDisposedException.ThrowIf(_disposed, this);
        _releases.Add(release);
    }

    /// <summary>Runs every release, last acquired first; a release that throws is recorded in <see cref="Failures"/> and the rest still run.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        for (var index = _releases.Count - 1; index >= 0; index--)
        {
            try
            {
                _releases[index]();
            }
            catch (Exception exception)
            {
                _failures.Add(exception);
            }
        }

        _releases.Clear();
    }
}
