using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Optimizers;
using static NetGen.Tests.Training.Control.ControlTestData;

namespace NetGen.Tests.Training.Control;

/// <summary>
/// Each schedule's rates over 10 epochs, from η₀ = 0.1, as recorded in the history and used by every step. The expected
/// numbers are written out from the formulas; for StepDecay, ExponentialDecay and CosineDecay without warm-up they are
/// also what PyTorch's StepLR, ExponentialLR and CosineAnnealingLR give.
/// </summary>
public sealed class LearningRateScheduleTests
{
    private const int Epochs = 10;

    [Fact]
    public void Step_decay_halves_the_rate_every_three_epochs_as_StepLR()
    {
        // StepLR(step_size=3, gamma=0.5): 0.1·0.5^⌊(e−1)/3⌋
        AssertFitRates(new StepDecay(stepSize: 3, gamma: 0.5), [0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025, 0.025, 0.025, 0.0125]);
    }

    [Fact]
    public void Step_decay_with_the_default_gamma_divides_by_ten_every_four_epochs_as_StepLR()
    {
        // StepLR(step_size=4) gives 0.1 ×4, 0.010000000000000002 ×4, 0.0010000000000000002 ×2.
        AssertFitRates(new StepDecay(stepSize: 4), [0.1, 0.1, 0.1, 0.1, 0.01, 0.01, 0.01, 0.01, 0.001, 0.001]);
    }

    [Fact]
    public void Exponential_decay_multiplies_the_rate_by_gamma_every_epoch_as_ExponentialLR()
    {
        // ExponentialLR(gamma=0.9): 0.1·0.9^(e−1)
        AssertFitRates(new ExponentialDecay(gamma: 0.9),
            [0.1, 0.09, 0.081, 0.0729, 0.06561, 0.059049, 0.0531441, 0.04782969, 0.043046721, 0.0387420489]);
    }

    [Fact]
    public void Cosine_decay_without_warm_up_is_CosineAnnealingLR_over_the_fit_calls_epochs()
    {
        // CosineAnnealingLR(T_max=10, eta_min=0): 0.1·(1 + cos(π(e−1)/10))/2
        AssertFitRates(new CosineDecay(),
        [
            0.1, 0.09755282581475769, 0.09045084971874738, 0.07938926261462367, 0.06545084971874739,
            0.05, 0.03454915028125264, 0.020610737385376353, 0.009549150281252635, 0.002447174185242324,
        ]);
    }

    [Fact]
    public void Cosine_decay_ramps_up_linearly_over_the_warm_up_then_falls_towards_the_minimum()
    {
        // W = 2: 0.1·e/3 for e ≤ 2; then 0.001 + 0.099·(1 + cos(π(e−3)/8))/2, 0.0505 half-way (e = 7).
        AssertFitRates(new CosineDecay(warmupEpochs: 2, minimumRate: 0.001f),
        [
            0.1 / 3, 0.2 / 3, 0.1, 0.0962320368593087, 0.0855017856687341,
            0.06944282990207196, 0.0505, 0.03155717009792806, 0.0154982143312659, 0.004767963140691307,
        ]);
    }

    [Fact]
    public void A_function_schedule_gets_the_epoch_and_the_initial_rate()
    {
        var calls = new List<(int Epoch, float InitialRate)>();
        var schedule = new LearningRateFunction((epoch, initialRate) =>
        {
            calls.Add((epoch, initialRate));
            return initialRate / epoch;
        });

        AssertFitRates(schedule, [0.1, 0.05, 0.1 / 3, 0.025, 0.02, 0.1 / 6, 0.1 / 7, 0.0125, 0.1 / 9, 0.01]);
        Assert.Equal(Enumerable.Range(1, Epochs).Select(epoch => (epoch, 0.1f)), calls);
    }

    [Fact]
    public void Each_fit_call_starts_the_schedule_again_from_the_optimizers_rate_then()
    {
        var network = Classifier();
        var optimizer = new Sgd(0.1f);
        var schedule = new StepDecay(stepSize: 1, gamma: 0.5);

        network.Fit(ClassifierData(), new TrainingOptions { Epochs = 3, BatchSize = BatchSize, Optimizer = optimizer, Callbacks = [schedule] });
        var second = network.Fit(ClassifierData(), new TrainingOptions { Epochs = 2, BatchSize = BatchSize, Optimizer = optimizer, Callbacks = [schedule] });

        Assert.Equal(0.025f, schedule.InitialRate);
        AssertRates([0.025, 0.0125], second.Epochs.Select(epoch => epoch.LearningRate).ToArray());
    }

    [Fact]
    public void A_rate_that_is_not_positive_stops_training_with_a_message_naming_the_schedule_and_the_epoch()
    {
        var schedule = new LearningRateFunction((epoch, initialRate) => epoch < 3 ? initialRate : 0f);

        var error = Assert.Throws<InvalidOperationException>(() => Classifier().Fit(ClassifierData(), new TrainingOptions
        {
            Epochs = 5, BatchSize = BatchSize, Optimizer = new Sgd(0.1f), Callbacks = [schedule],
        }));

        Assert.Contains("LearningRateFunction", error.Message);
        Assert.Contains("epoch 3", error.Message);
    }

    [Fact]
    public void A_minimum_rate_above_the_initial_rate_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new CosineDecay(minimumRate: 0.5f).RateAt(1, 10, 0.1f));

        Assert.Contains("0.5", error.Message);
    }

    [Fact]
    public void Hyper_parameters_out_of_range_are_refused_naming_the_parameter()
    {
        Assert.Throws<ArgumentOutOfRangeException>("stepSize", () => new StepDecay(stepSize: 0));
        Assert.Throws<ArgumentOutOfRangeException>("gamma", () => new StepDecay(stepSize: 2, gamma: 0));
        Assert.Throws<ArgumentOutOfRangeException>("gamma", () => new StepDecay(stepSize: 2, gamma: 1.5));
        Assert.Throws<ArgumentOutOfRangeException>("gamma", () => new ExponentialDecay(gamma: double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>("gamma", () => new ExponentialDecay(gamma: -0.9));
        Assert.Throws<ArgumentOutOfRangeException>("warmupEpochs", () => new CosineDecay(warmupEpochs: -1));
        Assert.Throws<ArgumentOutOfRangeException>("minimumRate", () => new CosineDecay(minimumRate: -1e-3f));
        Assert.Throws<ArgumentOutOfRangeException>("minimumRate", () => new CosineDecay(minimumRate: float.PositiveInfinity));
        Assert.Throws<ArgumentNullException>("rate", () => new LearningRateFunction(null!));
    }

    /// <summary>
    /// Trains 10 epochs from η₀ = 0.1 with <paramref name="schedule"/> and checks the rate of each epoch in the history and
    /// in every one of its four steps.
    /// </summary>
    private static void AssertFitRates(LearningRateSchedule schedule, double[] expected)
    {
        var optimizer = new RateRecordingSgd(0.1f);

        var history = Classifier().Fit(ClassifierData(), new TrainingOptions
        {
            Epochs = Epochs, BatchSize = BatchSize, Optimizer = optimizer, Callbacks = [schedule],
        });

        var recorded = history.Epochs.Select(epoch => epoch.LearningRate).ToArray();
        AssertRates(expected, recorded);
        Assert.Equal(recorded.SelectMany(rate => Enumerable.Repeat(rate, SampleCount / BatchSize)), optimizer.StepRates);
        Assert.Equal(0.1f, schedule.InitialRate);
    }
}
