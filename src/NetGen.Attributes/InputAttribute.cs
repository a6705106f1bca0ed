using System;

namespace NetGen
{
    /// <summary>
    /// The shape of one input sample: a vector, a matrix, or channels × height × width; or, with <see cref="Sequence"/>,
    /// a sequence of steps × features for recurrent layers.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class InputAttribute : LayerAttribute
    {
        /// <summary>A vector input of <paramref name="size"/> features.</summary>
        public InputAttribute(int size) => Shape = new[] { size };

        /// <summary>A matrix input, <paramref name="height"/> × <paramref name="width"/>; with <see cref="Sequence"/>, steps × features.</summary>
        public InputAttribute(int height, int width) => Shape = new[] { height, width };

        /// <summary>An image input, <paramref name="channels"/> × <paramref name="height"/> × <paramref name="width"/> (NCHW).</summary>
        public InputAttribute(int channels, int height, int width) => Shape = new[] { channels, height, width };

        /// <summary>The dimensions of one sample.</summary>
        public int[] Shape { get; }

        /// <summary>
        /// Whether a two-dimensional input is a sequence, steps × features (default false: a one-channel image). A sample is
        /// stored step after step: the features of step 0, then those of step 1. Recurrent layers need a sequence.
        /// </summary>
        public bool Sequence { get; set; }
    }
}
