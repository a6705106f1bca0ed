using System;

namespace NetGen
{
    /// <summary>Keeps the largest value of each Size × Size window, per channel.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class MaxPool2DAttribute : LayerAttribute
    {
        /// <summary>Pools <paramref name="size"/> × <paramref name="size"/> windows.</summary>
        public MaxPool2DAttribute(int size) => Size = size;

        /// <summary>The window's height and width.</summary>
        public int Size { get; }

        /// <summary>The step between windows (default: the window size, so windows do not overlap).</summary>
        public int Stride { get; set; }

        /// <summary>Cells added on each side, never chosen as a maximum (default 0; at most half the window).</summary>
        public int Padding { get; set; }
    }

    /// <summary>Averages each Size × Size window, per channel.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class AvgPool2DAttribute : LayerAttribute
    {
        /// <summary>Pools <paramref name="size"/> × <paramref name="size"/> windows.</summary>
        public AvgPool2DAttribute(int size) => Size = size;

        /// <summary>The window's height and width.</summary>
        public int Size { get; }

        /// <summary>The step between windows (default: the window size, so windows do not overlap).</summary>
        public int Stride { get; set; }

        /// <summary>Zeros added on each side and counted in the average (default 0; at most half the window).</summary>
        public int Padding { get; set; }
    }
}
