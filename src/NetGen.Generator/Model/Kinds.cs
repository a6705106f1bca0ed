namespace NetGen.Generator.Model;

// These mirror the public enums of NetGen.Attributes value for value (a test checks it): the generator
// reads attribute arguments as integers and must not load the attributes assembly. LayerKind is the
// generator's own: one member per layer attribute, each named as its attribute without the suffix.

internal enum LayerKind
{
    Input,
    Dense,
    Flatten,
    Conv2D,
    MaxPool2D,
    AvgPool2D,
    Reshape,
    Dropout,
    BatchNorm,
    Maxout,
    Rbf,
    SimpleRnn,
    Lstm,
    Gru,
}

internal enum ActivationKind
{
    Identity = 0,
    BinaryStep,
    Sigmoid,
    Tanh,
    ArcTan,
    ReLU,
    LeakyReLU,
    PReLU,
    ELU,
    SoftPlus,
    Softmax,
    NoisyReLU,
}

internal enum LossKind
{
    MeanSquaredError = 0,
    MeanAbsoluteError,
    BinaryCrossEntropy,
    SoftmaxCrossEntropy,
    Perceptron,
}

internal enum ReductionKind
{
    Mean = 0,
    Sum,
}

internal enum InitializerKind
{
    Default = 0,
    XavierUniform,
    XavierNormal,
    HeUniform,
    HeNormal,
    Uniform,
    Normal,
    Zeros,
}
