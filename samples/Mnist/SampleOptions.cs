using System;
using System.Globalization;
using System.Linq;
using NetGen.Optimizers;

namespace NetGen.Samples.Mnist;

/// <summary>The sample's command line.</summary>
internal sealed record SampleOptions(
    string Model,
    int Epochs,
    int BatchSize,
    string Optimizer,
    float? LearningRate,
    int Seed,
    string? DataDirectory,
    int? Limit,
    string? WeightsPath,
    ComputeDevice Device,
    string Schedule,
    int? EarlyStoppingPatience,
    double? ValidationSplit,
    string? PlotsDirectory,
    string? OnnxPath,
    bool Augment)
{
    public const string Usage = """
        Trains a digit classifier on MNIST with NetGen and reports its test accuracy.

        Usage: dotnet run --project samples/Mnist -c Release -- [options]

          --model NAME           mlp: 784-128-10 perceptron (default); lenet: LeNet-5;
                                 regularized: a wider LeNet with batch normalisation and dropout
          --epochs N             passes over the training set (default 3)
          --batch-size N         samples per step (default 128)
          --optimizer NAME       sgd, momentum, nesterov, adagrad, adadelta, rmsprop, adam (default), adamw
          --lr X                 learning rate (default: the optimizer's own, 0.001 for Adam)
          --seed N               initialisation and shuffling seed (default 1)
          --data-dir PATH        where the four MNIST IDX files are (default data/mnist, or NETGEN_MNIST_DIR)
          --limit N              train on the first N images only
          --weights PATH         where to save the trained weights (default mnist-<model>.ngw); a path
                                 ending in .safetensors writes safetensors, which PyTorch and NumPy read
          --onnx PATH            also export the trained network as an ONNX model (with softmax, so it
                                 outputs probabilities) for ONNX Runtime and other ONNX back ends
          --device auto|cpu|cuda[:N]  where to train (default cpu; auto uses a CUDA GPU when one can run)
          --schedule NAME        learning rate per epoch: none (default); step (halved every 3 epochs);
                                 exponential (×0.8 each epoch); cosine (1 warm-up epoch, then a cosine
                                 decay over the rest); plateau (halved after 2 epochs without a lower
                                 validation loss)
          --early-stopping N     stop after N epochs without a lower validation loss, keeping the best
                                 epoch's weights and batch-normalisation statistics
          --validation-split F   hold out the fraction F of the training images (seeded) to validate on
                                 after each epoch; default 0.1 with --early-stopping or --schedule plateau,
                                 which watch the validation loss, else 0 (the test set is scored instead)
          --augment              train on randomly rotated (±15°), shifted (±2 px) and noisy (σ 0.1)
                                 copies of the images, new ones each epoch (lenet and regularized only)
          --plots DIR            after training, write the loss and accuracy curves and the test set's
                                 confusion matrix to DIR as training-curves.png/.svg and
                                 confusion-matrix.png/.svg
          --help                 this text
        """;

    public static SampleOptions Parse(string[] args)
    {
        var options = new SampleOptions("mlp", 3, 128, "adam", null, 1, null, null, null, ComputeDevice.Cpu, "none", null, null, null, null, false);
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name is "--help" or "-h")
            {
                throw new HelpRequested();
            }

            if (name == "--augment")
            {
                options = options with { Augment = true };
                continue;
            }

            if (i + 1 >= args.Length)
            {
                throw new ArgumentException($"{name} needs a value.");
            }

            var value = args[++i];
            options = name switch
            {
                "--model" => options with { Model = OneOf(name, value, "mlp", "lenet", "regularized") },
                "--epochs" => options with { Epochs = Positive(name, value) },
                "--batch-size" => options with { BatchSize = Positive(name, value) },
                "--optimizer" => options with { Optimizer = OneOf(name, value, "sgd", "momentum", "nesterov", "adagrad", "adadelta", "rmsprop", "adam", "adamw") },
                "--lr" => options with { LearningRate = PositiveFloat(name, value) },
                "--seed" => options with { Seed = Integer(name, value) },
                "--device" => options with { Device = DeviceOption(name, value) },
                "--data-dir" => options with { DataDirectory = value },
                "--limit" => options with { Limit = Positive(name, value) },
                "--weights" => options with { WeightsPath = value },
                "--schedule" => options with { Schedule = OneOf(name, value, "none", "step", "exponential", "cosine", "plateau") },
                "--early-stopping" => options with { EarlyStoppingPatience = Positive(name, value) },
                "--validation-split" => options with { ValidationSplit = Fraction(name, value) },
                "--plots" => options with { PlotsDirectory = value },
                "--onnx" => options with { OnnxPath = value },
                _ => throw new ArgumentException($"Unknown option {name}."),
            };
        }

        if (options.WatchesValidationLoss && options.ValidationSplit == 0)
        {
            throw new ArgumentException("--early-stopping and --schedule plateau watch the validation loss: --validation-split must be above 0.");
        }

        if (options.Augment && options.Model == "mlp")
        {
            throw new ArgumentException("--augment rotates and shifts images, and the perceptron takes a flat vector of 784: use --model lenet or regularized.");
        }

        return options;
    }

    /// <summary>The augmentation --augment asks for: a rotation within ±15°, a shift within ±2 pixels and noise of σ 0.1, seeded with --seed; otherwise none.</summary>
    public ImageAugmentation? Augmentation => Augment
        ? new ImageAugmentation { MaxRotationDegrees = 15, MaxShift = 2, NoiseStandardDeviation = 0.1f, Seed = Seed }
        : null;

    /// <summary>Whether a callback watches the validation loss, which must then come from held-out training images.</summary>
    public bool WatchesValidationLoss => EarlyStoppingPatience is not null || Schedule == "plateau";

    /// <summary>The fraction of training images held out for validation.</summary>
    public double HeldOutFraction => ValidationSplit ?? (WatchesValidationLoss ? 0.1 : 0);

    /// <summary>The callbacks the options ask for: the learning-rate schedule, then early stopping.</summary>
    public TrainingCallback[] CreateCallbacks()
    {
        TrainingCallback? schedule = Schedule switch
        {
            "step" => new StepDecay(stepSize: 3, gamma: 0.5),
            "exponential" => new ExponentialDecay(gamma: 0.8),
            "cosine" => new CosineDecay(warmupEpochs: 1),
            "plateau" => new ReduceLearningRateOnPlateau(TrainingMetric.ValidationLoss, factor: 0.5, patience: 2),
            _ => null,
        };
        TrainingCallback? earlyStopping = EarlyStoppingPatience is { } patience
            ? new EarlyStopping(TrainingMetric.ValidationLoss, patience, restoreBestWeights: true)
            : null;
        return new[] { schedule, earlyStopping }.OfType<TrainingCallback>().ToArray();
    }

    private static ComputeDevice DeviceOption(string name, string value)
    {
        try
        {
            return ComputeDevice.Parse(value);
        }
        catch (FormatException error)
        {
            throw new ArgumentException($"{name}: {error.Message}", error);
        }
    }

    public Optimizer CreateOptimizer() => Optimizer switch
    {
        "sgd" => new Sgd(LearningRate ?? 0.01f),
        "momentum" => new Momentum(LearningRate ?? 0.01f),
        "nesterov" => new Nesterov(LearningRate ?? 0.01f),
        "adagrad" => new Adagrad(LearningRate ?? 0.01f),
        "adadelta" => new AdaDelta(LearningRate ?? 1f),
        "rmsprop" => new RmsProp(LearningRate ?? 0.001f),
        "adamw" => new AdamW(LearningRate ?? 0.001f),
        _ => new Adam(LearningRate ?? 0.001f),
    };

    private static string OneOf(string name, string value, params string[] allowed) =>
        Array.IndexOf(allowed, value.ToLowerInvariant()) >= 0
            ? value.ToLowerInvariant()
            : throw new ArgumentException($"{name} must be one of {string.Join(", ", allowed)}; got '{value}'.");

    private static int Integer(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new ArgumentException($"{name} needs an integer; got '{value}'.");

    private static int Positive(string name, string value) =>
        Integer(name, value) is var number and > 0 ? number : throw new ArgumentException($"{name} must be at least 1; got '{value}'.");

    private static double Fraction(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number is >= 0 and < 1
            ? number
            : throw new ArgumentException($"{name} needs a number in [0, 1); got '{value}'.");

    private static float PositiveFloat(string name, string value) =>
        float.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number > 0 && float.IsFinite(number)
            ? number
            : throw new ArgumentException($"{name} needs a positive number; got '{value}'.");
}

/// <summary>Thrown by <see cref="SampleOptions.Parse"/> for --help.</summary>
internal sealed class HelpRequested : Exception;
