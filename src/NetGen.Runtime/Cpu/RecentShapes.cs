using System;
using System.Collections.Generic;

namespace NetGen.Cpu;

/// <summary>
/// The most recent shapes a thread has run an operation with, so that its first call of each shape can run alone
/// on that thread and size the thread's buffers for any part of it (see <see cref="MatrixMultiplyScratch"/> and
/// <see cref="Conv2DScratch"/>). Holds a fixed number of shapes and forgets the oldest; never allocates after
/// construction.
/// </summary>
internal sealed class RecentShapes<TShape>(int capacity)
    where TShape : struct, IEquatable<TShape>
{
    private readonly TShape[] _shapes = new TShape[capacity];
    private int _next;

    /// <summary>Whether <paramref name="shape"/> is among the recent shapes; if not, remembers it.</summary>
    public bool ContainsOrAdd(in TShape shape)
    {
        foreach (var recent in _shapes)
        {
            if (EqualityComparer<TShape>.Default.Equals(recent, shape))
            {
                return true;
            }
        }

        _shapes[_next] = shape;
        _next = (_next + 1) % _shapes.Length;
        return false;
    }
}
