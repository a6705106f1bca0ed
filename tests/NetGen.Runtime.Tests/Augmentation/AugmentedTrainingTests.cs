using System;
using NetGen.Samples.Mnist;
using ConvMaxPoolNet = NetGen.Tests.Networks.ConvMaxPoolNet;

namespace NetGen.Tests.Augmentation;

/// <summary><see cref="TrainingOptions.Augmentation"/> in <see cref="Trainer.Fit"/> and the loader: what is augmented, what is not, and when it is refused.</summary>
public sealed class AugmentedTrainingTests
{
    private static readonly ImageAugmentation Strong = new() { MaxRotationDegrees = 15, MaxShift = 1, NoiseStandardDeviation = 0.3f, Seed = 11 };

    [Fact]
    public void The_loader_augments_the_inputs_of_each_batch_and_leaves_the_targets_and_the_dataset_alone()
    {
        var data = Images(count: 20, seed: 1);
        var originalInputs = data.Inputs.ToArray();
        var augmenter = new ImageAugmenter(Strong, [2, 6, 6]);
        var plain = new BatchLoader(data, batchSize: 8, shuffle: true, seed: 3);
        var augmented = new BatchLoader(data, batchSize: 8, shuffle: true, seed: 3, augmenter);
        plain.StartEpoch(2);
        augmented.StartEpoch(2);

        var position = 0;
        while (plain.TryNext(out var plainInputs, out var plainTargets, out var count))
        {
            Assert.True(augmented.TryNext(out var augmentedInputs, out var augmentedTargets, out _));
            var expected = new float[plainInputs.Length];
            augmenter.Augment(plainInputs, expected, stream: 2, firstSampleIndex: position);
            Assert.Equal(expected, augmentedInputs.ToArray());
            Assert.NotEqual(plainInputs.ToArray(), augmentedInputs.ToArray());
            Assert.Equal(plainTargets.ToArray(), augmentedTargets.ToArray());
            position += count;
        }

        Assert.Equal(originalInputs, data.Inputs.ToArray());
    }

    [Fact]
    public void Each_epoch_augments_the_same_samples_differently()
    {
        var loader = new BatchLoader(Images(count: 8, seed: 2), batchSize: 8, shuffle: false, seed: 0, new ImageAugmenter(Strong, [2, 6, 6]));
        loader.StartEpoch(1);
        loader.TryNext(out var first, out _, out _);
        var epochOne = first.ToArray();
        loader.StartEpoch(2);
        loader.TryNext(out var second, out _, out _);

        Assert.NotEqual(epochOne, second.ToArray());
    }

    [Fact]
    public void Training_sees_the_augmented_data_and_the_same_seeds_give_the_same_network()
    {
        var data = Images(count: 64, seed: 3);

        var plain = Trained(data, augmentation: null);
        var identity = Trained(data, new ImageAugmentation { Seed = 11 });
        var augmented = Trained(data, Strong);
        var again = Trained(data, Strong);
        var otherSeed = Trained(data, Strong with { Seed = 12 });

        Assert.Equal(plain, identity); // nothing drawn: the very same steps
        Assert.NotEqual(plain, augmented);
        Assert.Equal(augmented, again);
        Assert.NotEqual(augmented, otherSeed);
    }

    [Fact]
    public void Validation_data_is_never_augmented()
    {
        var network = new ConvMaxPoolNet();
        network.Initialize(1);
        var validation = Images(count: 30, seed: 4);
        var validationInputs = validation.Inputs.ToArray();

        var history = Trainer.Fit(network, Images(count: 64, seed: 5), new TrainingOptions
        {
            Epochs = 2,
            BatchSize = 16,
            Validation = validation,
            Augmentation = Strong with { NoiseStandardDeviation = 2f },
        });

        Assert.Equal(Trainer.Evaluate(network, validation).Loss, history.Last!.ValidationLoss);
        Assert.Equal(validationInputs, validation.Inputs.ToArray());
    }

    [Fact]
    public void Fit_refuses_rotation_for_a_network_whose_input_is_not_an_image()
    {
        var network = new MnistMlp();
        var data = new Dataset(new float[784 * 2], new float[10 * 2], 784, 10);

        var error = Assert.Throws<ArgumentException>(() => Trainer.Fit(network, data, new TrainingOptions { Augmentation = new ImageAugmentation { MaxRotationDegrees = 15 } }));

        Assert.StartsWith("MnistMlp: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("[784] is not an image", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_refuses_augmentation_with_the_dataset_kept_on_the_device_before_it_looks_for_one()
    {
        var network = new ConvMaxPoolNet();

        var error = Assert.Throws<ArgumentException>(() => Trainer.Fit(network, Images(count: 4, seed: 6), new TrainingOptions
        {
            Augmentation = Strong, KeepDatasetOnDevice = true, Device = ComputeDevice.Cuda(),
        }));

        Assert.StartsWith("ConvMaxPoolNet: KeepDatasetOnDevice gathers batches on the device, but Augmentation", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_loader_that_augments_hands_out_no_rows()
    {
        var loader = new BatchLoader(Images(count: 4, seed: 7), batchSize: 2, shuffle: false, seed: 0, new ImageAugmenter(Strong, [2, 6, 6]));

        Assert.Throws<InvalidOperationException>(() => loader.TryNextRows(out _, out _));
    }

    [Fact]
    public void Fit_names_the_network_when_an_augmentation_option_is_out_of_range()
    {
        var network = new ConvMaxPoolNet();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            Trainer.Fit(network, Images(count: 4, seed: 6), new TrainingOptions { Augmentation = new ImageAugmentation { MaxShift = 6 } }));

        Assert.StartsWith("ConvMaxPoolNet: ", error.Message, StringComparison.Ordinal);
        Assert.Equal(nameof(ImageAugmentation.MaxShift), error.ParamName);
    }

    private static float[] Trained(Dataset data, ImageAugmentation? augmentation)
    {
        var network = new ConvMaxPoolNet();
        network.Initialize(1);
        Trainer.Fit(network, data, new TrainingOptions { Epochs = 2, BatchSize = 16, Seed = 2, Augmentation = augmentation });
        return network.Parameters.ToArray();
    }

    // Random 2 × 6 × 6 images (ConvMaxPoolNet's input) with random labels among its 4 classes.
    private static Dataset Images(int count, int seed)
    {
        var random = new SeededRandom(seed + 100);
        var labels = new int[count];
        for (var i = 0; i < count; i++)
        {
            labels[i] = random.NextInt(4);
        }

        return Dataset.FromClassLabels(ImageAugmenterTests.RandomImages(count, 2, 6, 6, seed), ConvMaxPoolNet.InputSize, labels, 4);
    }
}
