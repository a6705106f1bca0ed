using System;
using System.Linq;
using NetGen.Optimizers;
using NetGen.Tests.Networks;

namespace NetGen.Tests.Training.NonFinite;

/// <summary>
/// <see cref="Trainer.Fit"/> on the CPU when a step's loss or gradient is NaN or ±∞: it stops with a
/// <see cref="NonFiniteTrainingException"/> naming the epoch, the step and the tensor, the step left out.
/// </summary>
public sealed class NonFiniteStepTests
{
    // XOR's four cases twice; sample 5 (in the third batch of two) is the one made NaN.
    private static readonly float[] s_inputs = [0, 0, 0, 1, 1, 0, 1, 1, 0, 0, 0, 1, 1, 0, 1, 1];
    private static readonly float[] s_targets = [0, 1, 1, 0, 0, 1, 1, 0];
    private const int BatchSize = 2;
    private const int BadSample = 5;

    [Fact]
    public void A_nan_input_stops_fit_naming_the_epoch_the_step_and_the_loss()
    {
        var network = Xor();
        var data = XorData(inputs: WithNaN(s_inputs, BadSample * XorNet.InputSize + 1));

        var error = Assert.Throws<NonFiniteTrainingException>(() => Trainer.Fit(network, data, Options(new Adam(0.05f))));

        Assert.Equal(1, error.Epoch);
        Assert.Equal(3, error.Step);
        Assert.Equal(3, error.GlobalStep);
        Assert.Equal(NonFiniteTrainingException.LossTensor, error.Tensor);
        Assert.Equal(-1, error.Index);
        Assert.True(double.IsNaN(error.OffendingNumber));
        Assert.Contains("XorNet: the loss is NaN in epoch 1, step 3 of 4", error.Message, StringComparison.Ordinal);
        Assert.Contains("NonFiniteBatchPolicy.Skip", error.Message, StringComparison.Ordinal);
        Assert.Empty(error.History.Epochs);
    }

    [Fact]
    public void After_a_nan_input_the_parameters_and_the_optimizer_state_are_those_before_the_step_bit_for_bit()
    {
        var network = Xor();
        var optimizer = new Adam(0.05f);
        var reference = Xor();
        var referenceOptimizer = new Adam(0.05f);
        TrainHandWritten(reference, referenceOptimizer, batches: 2); // the two batches before the bad one

        Assert.Throws<NonFiniteTrainingException>(() =>
            Trainer.Fit(network, XorData(inputs: WithNaN(s_inputs, BadSample * XorNet.InputSize)), Options(optimizer)));

        Assert.Equal(Bits(reference.Parameters), Bits(network.Parameters));
        Assert.Equal(2, optimizer.StepCount);
        Assert.Equal(2, network.TrainingSteps);

        // Equal moments give an equal next step: one more step on finite data from both.
        TakeStep(network, optimizer);
        TakeStep(reference, referenceOptimizer);
        Assert.Equal(Bits(reference.Parameters), Bits(network.Parameters));
    }

    [Fact]
    public void A_nan_target_stops_fit_at_its_step()
    {
        var network = Xor();
        var before = network.Parameters.ToArray();
        var data = XorData(targets: WithNaN(s_targets, 1));

        var error = Assert.Throws<NonFiniteTrainingException>(() => Trainer.Fit(network, data, Options(new Sgd(0.1f))));

        Assert.Equal((1, 1, NonFiniteTrainingException.LossTensor), (error.Epoch, error.Step, error.Tensor));
        Assert.Equal(Bits(before), Bits(network.Parameters));
    }

    [Fact]
    public void A_gradient_that_overflows_while_the_loss_is_finite_stops_fit_naming_the_parameter_tensor()
    {
        // y = w·x + b with w = 1e-37 and the loss ½(y − t)². The first sample (x = 0) only moves b. The second, x = 1e37:
        // y ≈ 1 and, against a target of -100, a loss of about ½·101² (finite), but ∂L/∂w ≈ 101·1e37 overflows to +∞.
        var network = new LinearRegressionNet();
        network.Initialize(1);
        var weight = network.ParameterTensors[0];
        weight.Slice(network.Parameters)[0] = 1e-37f;
        network.ParameterTensors[1].Slice(network.Parameters)[0] = 0f;
        var before = network.Parameters.ToArray();
        var data = new Dataset([0f, 1e37f, 0.25f], [1f, -100f, 0.5f], 1, 1);

        var error = Assert.Throws<NonFiniteTrainingException>(() =>
            Trainer.Fit(network, data, new TrainingOptions { Epochs = 2, BatchSize = 1, Shuffle = false, Optimizer = new Sgd(1e-3f) }));

        Assert.Equal((1, 2, weight.Name, 0), (error.Epoch, error.Step, error.Tensor, error.Index));
        Assert.True(double.IsPositiveInfinity(error.OffendingNumber));
        Assert.Contains($"the gradient of '{weight.Name}' element 0 [0, 0] is +∞ in epoch 1, step 2 of 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("the loss is 5100.", error.Message, StringComparison.Ordinal);
        Assert.NotEqual(Bits(before), Bits(network.Parameters)); // the first step was taken
        Assert.True(network.Parameters.ToArray().All(float.IsFinite));
    }

    [Fact]
    public void Skip_leaves_the_bad_batch_out_counts_it_and_trains_as_without_it()
    {
        const int Epochs = 3;
        var network = Xor();
        var reference = Xor();
        var referenceOptimizer = new Sgd(0.2f);
        var data = XorData(inputs: WithNaN(s_inputs, BadSample * XorNet.InputSize));

        var history = Trainer.Fit(network, data, Options(new Sgd(0.2f), Epochs) with { NonFiniteBatches = NonFiniteBatchPolicy.Skip });

        var clean = XorData();
        var loader = new BatchLoader(clean, BatchSize, shuffle: false, seed: 0);
        for (var epoch = 1; epoch <= Epochs; epoch++)
        {
            loader.StartEpoch(epoch);
            double lossSum = 0;
            for (var batch = 1; loader.TryNext(out var inputs, out var targets, out var count); batch++)
            {
                if (batch != 3)
                {
                    lossSum += (double)reference.ComputeGradients(inputs, targets) * count;
                    referenceOptimizer.Step(reference.Parameters, reference.Gradients);
                }
            }

            Assert.Equal(1, history.Epochs[epoch - 1].SkippedBatches);
            Assert.Equal(lossSum / 6, history.Epochs[epoch - 1].Loss, 12);
        }

        Assert.Equal(Bits(reference.Parameters), Bits(network.Parameters));
        Assert.Equal(Epochs * 3, network.TrainingSteps);
        Assert.True(network.Parameters.ToArray().All(float.IsFinite));
    }

    [Fact]
    public void Epochs_without_bad_batches_report_none_skipped()
    {
        var history = Trainer.Fit(Xor(), XorData(), Options(new Sgd(0.1f), epochs: 2) with { NonFiniteBatches = NonFiniteBatchPolicy.Skip });

        Assert.All(history.Epochs, epoch => Assert.Equal(0, epoch.SkippedBatches));
    }

    [Fact]
    public void An_undefined_policy_is_refused()
    {
        var options = Options(new Sgd(0.1f)) with { NonFiniteBatches = (NonFiniteBatchPolicy)7 };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Trainer.Fit(Xor(), XorData(), options));

        Assert.Equal(nameof(TrainingOptions.NonFiniteBatches), error.ParamName);
    }

    internal static int[] Bits(ReadOnlySpan<float> values) => values.ToArray().Select(BitConverter.SingleToInt32Bits).ToArray();

    internal static float[] WithNaN(float[] values, int index)
    {
        var copy = values.ToArray();
        copy[index] = float.NaN;
        return copy;
    }

    private static XorNet Xor()
    {
        var network = new XorNet();
        network.Initialize(3);
        return network;
    }

    private static Dataset XorData(float[]? inputs = null, float[]? targets = null) =>
        new(inputs ?? s_inputs, targets ?? s_targets, XorNet.InputSize, XorNet.OutputSize, allowNonFinite: true);

    private static TrainingOptions Options(Optimizer optimizer, int epochs = 3) =>
        new() { Epochs = epochs, BatchSize = BatchSize, Shuffle = false, Optimizer = optimizer };

    private static void TrainHandWritten(INetwork network, Optimizer optimizer, int batches)
    {
        var loader = new BatchLoader(XorData(), BatchSize, shuffle: false, seed: 0);
        loader.StartEpoch(1);
        for (var batch = 0; batch < batches && loader.TryNext(out var inputs, out var targets, out _); batch++)
        {
            network.ComputeGradients(inputs, targets);
            optimizer.Step(network.Parameters, network.Gradients);
        }
    }

    private static void TakeStep(INetwork network, Optimizer optimizer)
    {
        network.ComputeGradients(s_inputs, s_targets);
        optimizer.Step(network.Parameters, network.Gradients);
    }
}
