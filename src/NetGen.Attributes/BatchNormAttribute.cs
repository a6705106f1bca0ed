using System;

namespace NetGen
{
    /// <summary>
    /// Batch normalisation, per feature of a vector or per channel of an image: y = f(γ·(x − μ)/√(σ² + ε) + β). A training
    /// step normalises with the batch's mean and variance and moves the running ones toward them; inference normalises with
    /// the running ones. γ (starting at 1) and β (at 0) are learned; the running statistics are layer state, saved in
    /// checkpoints and never touched by the optimizer. Conventions as PyTorch's BatchNorm1d/2d.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class BatchNormAttribute : LayerAttribute
    {
        /// <summary>
        /// The weight of each batch's statistics in the running ones: running ← (1 − momentum)·running + momentum·batch
        /// (default 0.1, PyTorch's convention; Keras's momentum 0.99 is 0.01 here). In (0, 1].
        /// </summary>
        public double Momentum { get; set; } = 0.1;

        /// <summary>ε, added to the variance before the square root (default 1e-5). Positive.</summary>
        public double Epsilon { get; set; } = 1e-5;

        /// <summary>The activation applied after the normalisation (default identity). Softmax and PReLU are dense-only.</summary>
        public Activation Activation { get; set; }

        /// <summary>α of <see cref="NetGen.Activation.LeakyReLU"/> (default 0.01) or <see cref="NetGen.Activation.ELU"/> (default 1).</summary>
        public double Alpha { get; set; }
    }
}
