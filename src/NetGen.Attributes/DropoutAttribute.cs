using System;

namespace NetGen
{
    /// <summary>
    /// Inverted dropout: in a training step each value is zeroed with probability <see cref="Rate"/> and the others are
    /// scaled by 1 / (1 − rate), so that inference, which passes every value through unchanged, needs no rescaling. The
    /// masks come from the network's seed and training step (Philox), the same on the CPU and on a GPU.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class DropoutAttribute : LayerAttribute
    {
        /// <summary>Drops each value with probability <paramref name="rate"/>, in [0, 1).</summary>
        public DropoutAttribute(double rate) => Rate = rate;

        /// <summary>The probability of dropping a value in a training step, in [0, 1).</summary>
        public double Rate { get; }
    }
}
