namespace NetGen.Bench.Benchmarks;

/// <summary>
/// What dropout and batch normalisation add to a LeNet-5 training step: the same epoch as the MNIST section (Adam,
/// batch 128) for LeNet-5 and for the variants with each kind of layer added, on NetGen and on PyTorch.
/// </summary>
internal static class RegularizationCost
{
    public const string Section = "Regularization cost";

    public static readonly string[] Models = ["lenet", "lenet-dropout", "lenet-batchnorm", "lenet-batchnorm-dropout"];

    public static void Run(BenchContext context, MnistFiles data)
    {
        foreach (var model in Models)
        {
            var workload = MnistModels.Workload(model);
            MnistTraining.AddEpochs(context, Section, workload, "NetGen",
                MnistTraining.TrainNetGen(context, data, model, context.Options.Epochs, MnistTraining.BatchSize));
            MnistTraining.AddEpochs(context, Section, workload, "PyTorch",
                MnistTraining.TrainPyTorch(context, data, model, context.Options.Epochs, MnistTraining.BatchSize));
        }
    }
}
