using System;

namespace NetGen
{
    /// <summary>
    /// Long short-term memory (PyTorch's <c>nn.LSTM</c>, gates in the order i, f, g, o): i, f, o = σ(W_i·xₜ + b_i + U·hₜ₋₁ + b),
    /// g = tanh(…), cₜ = f∘cₜ₋₁ + i∘g, hₜ = o∘tanh(cₜ).
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class LstmAttribute : RecurrentAttribute
    {
        /// <summary>An LSTM layer with hidden and cell states of <paramref name="units"/> floats.</summary>
        public LstmAttribute(int units)
            : base(units)
        {
        }
    }
}
