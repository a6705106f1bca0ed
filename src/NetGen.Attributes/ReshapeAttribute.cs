using System;

namespace NetGen
{
    /// <summary>
    /// Views the floats of the layer below under new dimensions (no copy, no parameters): a vector, a matrix, or
    /// channels × height × width. The element count must stay the same (NG0022 otherwise).
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class ReshapeAttribute : LayerAttribute
    {
        /// <summary>A vector of <paramref name="size"/> features.</summary>
        public ReshapeAttribute(int size) => Shape = new[] { size };

        /// <summary>A matrix, <paramref name="height"/> × <paramref name="width"/> (one channel to the spatial layers).</summary>
        public ReshapeAttribute(int height, int width) => Shape = new[] { height, width };

        /// <summary>An image, <paramref name="channels"/> × <paramref name="height"/> × <paramref name="width"/> (NCHW).</summary>
        public ReshapeAttribute(int channels, int height, int width) => Shape = new[] { channels, height, width };

        /// <summary>The new dimensions of one sample.</summary>
        public int[] Shape { get; }
    }
}
