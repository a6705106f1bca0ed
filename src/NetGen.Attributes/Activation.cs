namespace NetGen
{
    /// <summary>The activation function a layer applies to its pre-activation z.</summary>
    public enum Activation
    {
        /// <summary>f(z) = z.</summary>
        Identity = 0,
        /// <summary>f(z) = 1 if z ≥ 0, else 0. Its derivative is 0 everywhere (undefined at 0): nothing learns through it.</summary>
        BinaryStep,
        /// <summary>Logistic sigmoid, f(z) = 1 / (1 + e^−z).</summary>
        Sigmoid,
        /// <summary>Hyperbolic tangent.</summary>
        Tanh,
        /// <summary>f(z) = atan(z).</summary>
        ArcTan,
        /// <summary>Rectified linear unit, f(z) = max(0, z).</summary>
        ReLU,
        /// <summary>f(z) = z if z ≥ 0, else α·z (α from the layer's <c>Alpha</c>, default 0.01).</summary>
        LeakyReLU,
        /// <summary>Parametric ReLU: like leaky ReLU, with one α per unit learned with the weights (initialised to the layer's <c>Alpha</c>, default 0.25).</summary>
        PReLU,
        /// <summary>Exponential linear unit: f(z) = z if z ≥ 0, else α·(e^z − 1) (α default 1).</summary>
        ELU,
        /// <summary>f(z) = ln(1 + e^z).</summary>
        SoftPlus,
        /// <summary>Softmax over the layer's units. With <see cref="Loss.SoftmaxCrossEntropy"/> leave the output layer linear instead: the loss applies softmax itself.</summary>
        Softmax,
        /// <summary>
        /// Noisy ReLU (Nair and Hinton, 2010): in a training step f(z) = max(0, z + √σ(z)·ε) with ε ~ N(0, 1) drawn per value, so
        /// the noise's variance is the logistic sigmoid σ(z); f′(z) = 1 + ε·√σ(z)·(1 − σ(z))/2 where z + √σ(z)·ε &gt; 0, else 0.
        /// In inference (<c>Forward</c>, <c>Predict</c>, <c>ComputeLoss</c>) it is ReLU, f(z) = max(0, z). The noise comes from the
        /// network's <c>Seed</c> and <c>TrainingSteps</c>, as dropout's masks do.
        /// </summary>
        NoisyReLU,
    }
}
