using System;

namespace NetGen
{
    /// <summary>The shape of one input sample: a vector, a matrix, or channels × height × width.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class InputAttribute : LayerAttribute
    {
        /// <summary>A vector input of <paramref name="size"/> features.</summary>
        public InputAttribute(int size) => Shape = new[] { size };

        /// <summary>A matrix input, <paramref name="height"/> × <paramref name="width"/>.</summary>
        public InputAttribute(int height, int width) => Shape = new[] { height, width };

        /// <summary>An image input, <paramref name="channels"/> × <paramref name="height"/> × <paramref name="width"/> (NCHW).</summary>
        public InputAttribute(int channels, int height, int width) => Shape = new[] { channels, height, width };

        /// <summary>The dimensions of one sample.</summary>
        public int[] Shape { get; }
    }
}
