namespace NetGen
{
    /// <summary>How a layer's weights are initialised. Biases start at zero.</summary>
    public enum Initializer
    {
        /// <summary>He (Kaiming) normal for the ReLU family (ReLU, leaky ReLU, PReLU, ELU); Xavier (Glorot) uniform otherwise.</summary>
        Default = 0,
        /// <summary>Xavier/Glorot uniform: U(−a, a), a = √(6 / (fanIn + fanOut)).</summary>
        XavierUniform,
        /// <summary>Xavier/Glorot normal: N(0, 2 / (fanIn + fanOut)).</summary>
        XavierNormal,
        /// <summary>He/Kaiming uniform: U(−a, a), a = √(6 / fanIn).</summary>
        HeUniform,
        /// <summary>He/Kaiming normal: N(0, 2 / fanIn).</summary>
        HeNormal,
        /// <summary>Uniform on [−1, 1].</summary>
        Uniform,
        /// <summary>Standard normal N(0, 1).</summary>
        Normal,
        /// <summary>All zeros (the perceptron's start; a hidden layer of zeros never breaks symmetry).</summary>
        Zeros,
    }
}
