namespace NetGen
{
    /// <summary>
    /// Base of the recurrent layers: each reads a sequence (steps × features) step by step, carrying a hidden state of
    /// <see cref="Units"/> floats from one step to the next (zero before the first). Weights are laid out as PyTorch's
    /// <c>nn.RNN</c>, <c>nn.LSTM</c> and <c>nn.GRU</c> lay them out (docs/dsl.md), so they move between the two unchanged.
    /// </summary>
    public abstract class RecurrentAttribute : LayerAttribute
    {
        /// <summary>A recurrent layer with a hidden state of <paramref name="units"/> floats.</summary>
        protected RecurrentAttribute(int units) => Units = units;

        /// <summary>The size of the hidden state, and of the output at each step.</summary>
        public int Units { get; }

        /// <summary>
        /// Whether the layer outputs its hidden state at every step, a sequence steps × units for another recurrent layer or a
        /// per-step dense layer (true); or only at the last step, a vector of units (default false).
        /// </summary>
        public bool ReturnSequences { get; set; }

        /// <summary>
        /// Truncated backpropagation through time: gradients flow back at most to the start of the chunk of <c>Bptt</c> steps
        /// they arise in, as when PyTorch code detaches the hidden state every k steps (default 0: through the whole sequence).
        /// </summary>
        public int Bptt { get; set; }

        /// <summary>
        /// How the weights start. Default: PyTorch's rule, every weight and bias uniform in ±1/√units. Any other initializer
        /// applies to both weight matrices (fan-in the features or the units) and starts the biases at zero.
        /// </summary>
        public Initializer Initializer { get; set; }

        /// <summary>Whether the layer adds the learned biases b_ih and b_hh (default true).</summary>
        public bool Bias { get; set; } = true;
    }
}
