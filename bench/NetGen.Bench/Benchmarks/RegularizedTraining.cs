namespace NetGen.Bench.Benchmarks;

/// <summary>
/// The MNIST sample's regularized LeNet (batch normalisation and dropout) trained to its accuracy on both sides: Adam
/// with η = 0.001 halved every 3 epochs (NetGen's <see cref="StepDecay"/>, PyTorch's StepLR), batch 128.
/// </summary>
internal static class RegularizedTraining
{
    public const string Section = "Regularized MNIST";
    public const string Model = "regularized";
    public const int StepSize = 3;
    public const double Gamma = 0.5;

    public static void Run(BenchContext context, MnistFiles data)
    {
        var epochs = context.Options.RegularizedEpochs;
        var workload = MnistModels.Workload(Model);
        MnistTraining.AddEpochs(context, Section, workload, "NetGen",
            MnistTraining.TrainNetGen(context, data, Model, epochs, MnistTraining.BatchSize, [new StepDecay(StepSize, Gamma)]));
        MnistTraining.AddEpochs(context, Section, workload, "PyTorch",
            MnistTraining.TrainPyTorch(context, data, Model, epochs, MnistTraining.BatchSize, ["--schedule", "step"]));
    }
}
