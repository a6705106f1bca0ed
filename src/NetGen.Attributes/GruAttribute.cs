using System;

namespace NetGen
{
    /// <summary>
    /// Gated recurrent unit (PyTorch's <c>nn.GRU</c>, gates in the order r, z, n): r, z = σ(W·xₜ + b + U·hₜ₋₁ + b),
    /// n = tanh(W_n·xₜ + b_in + r∘(U_n·hₜ₋₁ + b_hn)), hₜ = (1 − z)∘n + z∘hₜ₋₁.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class GruAttribute : RecurrentAttribute
    {
        /// <summary>A GRU layer with a hidden state of <paramref name="units"/> floats.</summary>
        public GruAttribute(int units)
            : base(units)
        {
        }
    }
}
