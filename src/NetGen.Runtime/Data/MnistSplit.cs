namespace NetGen.Data;

/// <summary>Which half of MNIST to load.</summary>
public enum MnistSplit
{
    /// <summary>The 60,000 training samples (train-images-idx3-ubyte, train-labels-idx1-ubyte).</summary>
    Training,

    /// <summary>The 10,000 test samples (t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte).</summary>
    Test,
}
