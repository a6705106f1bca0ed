using System;

namespace NetGen
{
    /// <summary>An Elman network: hₜ = f(W_ih·xₜ + b_ih + W_hh·hₜ₋₁ + b_hh), f tanh by default (PyTorch's <c>nn.RNN</c>).</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class SimpleRnnAttribute : RecurrentAttribute
    {
        /// <summary>An Elman layer with a hidden state of <paramref name="units"/> floats.</summary>
        public SimpleRnnAttribute(int units)
            : base(units)
        {
        }

        /// <summary>f, applied element by element to each new state (default <see cref="NetGen.Activation.Tanh"/>).</summary>
        public Activation Activation { get; set; } = Activation.Tanh;

        /// <summary>α of <see cref="NetGen.Activation.LeakyReLU"/> (default 0.01) and <see cref="NetGen.Activation.ELU"/> (default 1).</summary>
        public double Alpha { get; set; }
    }
}
