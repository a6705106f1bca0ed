using System;

namespace NetGen
{
    /// <summary>A fully connected layer: y = f(W·x + b), W shaped [units, inputs].</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class DenseAttribute : LayerAttribute
    {
        /// <summary>A dense layer of <paramref name="units"/> outputs.</summary>
        public DenseAttribute(int units) => Units = units;

        /// <summary>The number of outputs.</summary>
        public int Units { get; }

        /// <summary>The activation (default identity).</summary>
        public Activation Activation { get; set; }

        /// <summary>
        /// α of <see cref="NetGen.Activation.LeakyReLU"/> (default 0.01), <see cref="NetGen.Activation.ELU"/> (default 1)
        /// and the initial α of <see cref="NetGen.Activation.PReLU"/> (default 0.25). Other activations take no α.
        /// </summary>
        public double Alpha { get; set; }

        /// <summary>How the weights start (default: He for the ReLU family, Xavier otherwise).</summary>
        public Initializer Initializer { get; set; }

        /// <summary>Whether the layer adds a learned bias (default true).</summary>
        public bool Bias { get; set; } = true;

        /// <summary>
        /// DropConnect (Wan et al., 2013): the probability, in [0, 1), of dropping each weight in a training step (default 0,
        /// off). Kept weights are scaled by 1 / (1 − p), so inference uses the weights unchanged. One mask per training step
        /// is shared by every sample of the batch; the bias is never dropped.
        /// </summary>
        public double DropConnect { get; set; }

        /// <summary>
        /// Whether the layer applies to every step of a sequence (steps × features → steps × units, the same weights at each
        /// step), as after a recurrent layer with <see cref="RecurrentAttribute.ReturnSequences"/> (default false).
        /// </summary>
        public bool PerStep { get; set; }
    }
}
