using System;

namespace NetGen
{
    /// <summary>Keeps the largest value of each Window × Window window, per channel.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class MaxPool2DAttribute : LayerAttribute
    {
        /// <summary>Pools <paramref name="window"/> × <paramref name="window"/> windows.</summary>
        public MaxPool2DAttribute(int window) => Window = window;

        /// <summary>The window's height and width.</summary>
        public int Window { get; }

        /// <summary>The step between windows (default: the window size, so windows do not overlap).</summary>
        public int Stride { get; set; }

        /// <summary>Cells added on each side, never chosen as a maximum (default 0; at most half the window).</summary>
        public int Padding { get; set; }
    }

    /// <summary>Averages each Window × Window window, per channel.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class AvgPool2DAttribute : LayerAttribute
    {
        /// <summary>Pools <paramref name="window"/> × <paramref name="window"/> windows.</summary>
        public AvgPool2DAttribute(int window) => Window = window;

        /// <summary>The window's height and width.</summary>
        public int Window { get; }

        /// <summary>The step between windows (default: the window size, so windows do not overlap).</summary>
        public int Stride { get; set; }

        /// <summary>Zeros added on each side and counted in the average (default 0; at most half the window).</summary>
        public int Padding { get; set; }
    }
}
