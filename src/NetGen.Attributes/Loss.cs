namespace NetGen
{
    /// <summary>The loss a network is trained on. Every loss sums over a sample's outputs; <see cref="LossReduction"/> says how samples are combined.</summary>
    public enum Loss
    {
        /// <summary>Squared error with the ½ convention: ½·Σⱼ (yⱼ − tⱼ)² per sample, so that its gradient is y − t.</summary>
        MeanSquaredError = 0,
        /// <summary>Absolute error: Σⱼ |yⱼ − tⱼ| per sample.</summary>
        MeanAbsoluteError,
        /// <summary>Binary cross-entropy on a sigmoid output, computed stably from the logits: −Σⱼ [tⱼ ln yⱼ + (1 − tⱼ) ln(1 − yⱼ)].</summary>
        BinaryCrossEntropy,
        /// <summary>Softmax fused with cross-entropy, computed stably from the logits of a linear output layer: −Σⱼ tⱼ ln softmax(z)ⱼ. Targets are one-hot rows or class indices.</summary>
        SoftmaxCrossEntropy,
        /// <summary>
        /// Rosenblatt's perceptron criterion on a <see cref="Activation.BinaryStep"/> output: Σⱼ |tⱼ − yⱼ| per sample (the
        /// misclassified outputs), with δ = y − t passed straight through the step to z, so that plain SGD with batch 1 and
        /// learning rate η is Rosenblatt's rule w ← w + η(t − y)x.
        /// </summary>
        Perceptron,
    }

    /// <summary>How per-sample losses are combined over a batch.</summary>
    public enum LossReduction
    {
        /// <summary>The mean over the batch (the default).</summary>
        Mean = 0,
        /// <summary>The sum over the batch, as in the classic NumPy two-layer example.</summary>
        Sum,
    }
}
