using System;
using NetGen.Bench.Networks;
using NetGen.Samples.Mnist;
using NetGen.Samples.Sequences;

namespace NetGen.Bench.Benchmarks;

/// <summary>The MNIST networks the harness trains, by the names bench/peers/pytorch_mnist.py knows them by.</summary>
internal static class MnistModels
{
    public static INetwork Create(string model) => model switch
    {
        "mlp" => new MnistMlp(),
        "lenet" => new LeNet5(),
        "lenet-dropout" => new LeNet5Dropout(),
        "lenet-batchnorm" => new LeNet5BatchNorm(),
        "lenet-batchnorm-dropout" => new LeNet5BatchNormDropout(),
        "regularized" => new RegularizedLeNet(),
        "lstm" => new RowMnistLstm(),
        _ => throw new ArgumentOutOfRangeException(nameof(model), model, "No such MNIST model."),
    };

    public static string Workload(string model) => model switch
    {
        "mlp" => "MLP 784-128-10",
        "lenet" => "LeNet-5",
        "lenet-dropout" => "LeNet-5 + dropout",
        "lenet-batchnorm" => "LeNet-5 + batch norm",
        "lenet-batchnorm-dropout" => "LeNet-5 + both",
        "regularized" => "regularized LeNet",
        "lstm" => "LSTM 128, row by row",
        _ => throw new ArgumentOutOfRangeException(nameof(model), model, "No such MNIST model."),
    };
}
