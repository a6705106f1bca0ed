using System;

namespace NetGen
{
    /// <summary>
    /// A maxout layer (Goodfellow et al., 2013): each of <see cref="Units"/> outputs is the largest of <see cref="Pieces"/>
    /// affine functions of the input, yⱼ = maxₖ (wⱼₖ·x + bⱼₖ). The weights are shaped [units × pieces, inputs], row
    /// unit·pieces + piece holding piece k of unit j. Maxout is its own non-linearity, so it takes no activation.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class MaxoutAttribute : LayerAttribute
    {
        /// <summary>A maxout layer of <paramref name="units"/> outputs, each the maximum of <paramref name="pieces"/> (at least 2) linear pieces.</summary>
        public MaxoutAttribute(int units, int pieces)
        {
            Units = units;
            Pieces = pieces;
        }

        /// <summary>The number of outputs.</summary>
        public int Units { get; }

        /// <summary>The linear pieces each output is the maximum of (at least 2).</summary>
        public int Pieces { get; }

        /// <summary>How the weights start (default: Xavier uniform, as for a linear dense layer of units × pieces outputs).</summary>
        public Initializer Initializer { get; set; }

        /// <summary>Whether each piece adds a learned bias (default true).</summary>
        public bool Bias { get; set; } = true;
    }
}
