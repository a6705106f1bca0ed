using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Optimizers;
using NetGen.Tests.Gradients;
using NetGen.Tests.Networks;

namespace NetGen.Tests.Training;

public sealed class TrainingCallbackTests
{
    private const int Samples = 40;
    private const int BatchSize = 10;

    [Fact]
    public void A_schedule_halving_the_learning_rate_each_epoch_reaches_the_optimizer_and_the_history()
    {
        var optimizer = new RateRecordingSgd(0.1f);

        var history = Network().Fit(Data(), new TrainingOptions
        {
            Epochs = 3, BatchSize = BatchSize, Optimizer = optimizer, Callbacks = [new HalveLearningRateAfterTheFirstEpoch()],
        });

        float[] rates = [0.1f, 0.05f, 0.025f];
        Assert.Equal(rates, history.Epochs.Select(epoch => epoch.LearningRate));
        Assert.Equal(rates.SelectMany(rate => Enumerable.Repeat(rate, Samples / BatchSize)), optimizer.StepRates);
    }

    [Fact]
    public void Requesting_a_stop_after_epoch_2_of_5_leaves_two_epochs()
    {
        var completed = new List<EpochResult>();

        var history = Network().Fit(Data(), new TrainingOptions
        {
            Epochs = 5, BatchSize = BatchSize, EpochCompleted = completed.Add, Callbacks = [new StopAfter(epoch: 2, atStart: false)],
        });

        Assert.Equal([1, 2], history.Epochs.Select(epoch => epoch.Epoch));
        Assert.Equal(history.Epochs, completed);
    }

    [Fact]
    public void Requesting_a_stop_at_an_epochs_start_still_finishes_that_epoch()
    {
        var history = Network().Fit(Data(), new TrainingOptions
        {
            Epochs = 5, BatchSize = BatchSize, Callbacks = [new StopAfter(epoch: 3, atStart: true)],
        });

        Assert.Equal([1, 2, 3], history.Epochs.Select(epoch => epoch.Epoch));
    }

    [Fact]
    public void Callbacks_are_called_in_order_with_each_epoch_around_epoch_completed()
    {
        var calls = new List<string>();

        Network().Fit(Data(), new TrainingOptions
        {
            Epochs = 2,
            BatchSize = BatchSize,
            EpochCompleted = epoch => calls.Add($"completed {epoch.Epoch}"),
            Callbacks = [new CallRecorder("a", calls), new CallRecorder("b", calls)],
        });

        Assert.Equal(
            [
                "a training start 0/2", "b training start 0/2",
                "a start 1/2", "b start 1/2", "completed 1", "a end 1/2 after 1", "b end 1/2 after 1",
                "a start 2/2", "b start 2/2", "completed 2", "a end 2/2 after 2", "b end 2/2 after 2",
                "a training end after 2", "b training end after 2",
            ],
            calls);
    }

    [Fact]
    public void Training_end_is_called_once_after_a_stop_request()
    {
        var calls = new List<string>();

        Network().Fit(Data(), new TrainingOptions
        {
            Epochs = 5, BatchSize = BatchSize, Callbacks = [new StopAfter(epoch: 2, atStart: false), new CallRecorder("a", calls)],
        });

        Assert.Equal("a training end after 2", calls[^1]);
        Assert.Single(calls, call => call.Contains("training end"));
    }

    [Fact]
    public void Training_end_is_called_after_a_cancellation_with_only_the_finished_epochs()
    {
        using var cancellation = new System.Threading.CancellationTokenSource();
        var calls = new List<string>();

        var history = Network().Fit(Data(), new TrainingOptions
        {
            Epochs = 5,
            BatchSize = BatchSize,
            Cancellation = cancellation.Token,
            Progress = progress =>
            {
                if (progress is { Epoch: 2, Batch: 2 })
                {
                    cancellation.Cancel();
                }
            },
            Callbacks = [new CallRecorder("a", calls)],
        });

        Assert.Single(history.Epochs);
        Assert.Equal(["a start 2/5", "a training end after 1"], calls.TakeLast(2));
    }

    [Fact]
    public void The_context_copies_and_sets_the_parameters_and_state_and_checks_their_lengths()
    {
        INetwork network = Network();
        var recorder = new ContextRecorder();
        Trainer.Fit(network, Data(), new TrainingOptions { Epochs = 1, BatchSize = BatchSize, Callbacks = [recorder] });
        var context = recorder.Context!;
        var parameters = new float[network.ParameterCount];

        context.CopyParametersAndStateTo(parameters, Span<float>.Empty);
        Assert.Equal(network.Parameters.ToArray(), parameters);
        parameters[0] += 1f;
        context.SetParametersAndState(parameters, ReadOnlySpan<float>.Empty);
        Assert.Equal(parameters, network.Parameters.ToArray());

        var error = Assert.Throws<ArgumentException>(() => context.CopyParametersAndStateTo(new float[3], Span<float>.Empty));
        Assert.Contains($"{network.ParameterCount} parameters", error.Message);
        Assert.Throws<ArgumentException>(() => context.SetParametersAndState(parameters, new float[1]));
    }

    [Fact]
    public void The_context_holds_the_network_and_the_optimizer_being_trained()
    {
        var network = Network();
        var optimizer = new Adam();
        var recorder = new ContextRecorder();

        network.Fit(Data(), new TrainingOptions { Epochs = 1, BatchSize = BatchSize, Optimizer = optimizer, Callbacks = [recorder] });

        Assert.Same(network, recorder.Context!.Network);
        Assert.Same(optimizer, recorder.Context.Optimizer);
    }

    [Fact]
    public void A_null_callback_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => Network().Fit(Data(), new TrainingOptions { Callbacks = [null!] }));
        Assert.Equal("Callbacks", error.ParamName);
    }

    private static SoftmaxCrossEntropyNet Network()
    {
        var network = new SoftmaxCrossEntropyNet();
        network.Initialize(seed: 1);
        return network;
    }

    private static Dataset Data()
    {
        var random = new SeededRandom(4);
        var labels = new int[Samples];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = random.NextInt(SoftmaxCrossEntropyNet.OutputSize);
        }

        return Dataset.FromClassLabels(GradientChecker.RandomArray(Samples * 3, seed: 3), 3, labels, SoftmaxCrossEntropyNet.OutputSize);
    }

    internal sealed class HalveLearningRateAfterTheFirstEpoch : TrainingCallback
    {
        public override void OnEpochStart(TrainingContext context)
        {
            if (context.Epoch > 1)
            {
                context.Optimizer.LearningRate /= 2;
            }
        }
    }

    private sealed class StopAfter(int epoch, bool atStart) : TrainingCallback
    {
        public override void OnEpochStart(TrainingContext context)
        {
            if (atStart && context.Epoch == epoch)
            {
                context.RequestStop();
            }
        }

        public override void OnEpochEnd(TrainingContext context, EpochResult result)
        {
            if (!atStart && context.Epoch == epoch)
            {
                context.RequestStop();
            }
        }
    }

    private sealed class CallRecorder(string name, List<string> calls) : TrainingCallback
    {
        public override void OnTrainingStart(TrainingContext context) =>
            calls.Add($"{name} training start {context.Epoch}/{context.Epochs}");

        public override void OnTrainingEnd(TrainingContext context) =>
            calls.Add($"{name} training end after {context.History.Epochs.Count}");

        public override void OnEpochStart(TrainingContext context) =>
            calls.Add($"{name} start {context.Epoch}/{context.Epochs}");

        public override void OnEpochEnd(TrainingContext context, EpochResult epoch) =>
            calls.Add($"{name} end {epoch.Epoch}/{context.Epochs} after {context.History.Epochs.Count}");
    }

    private sealed class ContextRecorder : TrainingCallback
    {
        public TrainingContext? Context { get; private set; }

        public override void OnEpochEnd(TrainingContext context, EpochResult epoch) => Context = context;
    }

    /// <summary>Plain SGD that records the learning rate of every step it takes.</summary>
    private sealed class RateRecordingSgd(float learningRate) : Optimizer(learningRate)
    {
        public List<float> StepRates { get; } = new();

        public override string Name => "RateRecordingSgd";

        protected override void Update(Span<float> parameters, ReadOnlySpan<float> gradients, GradientTransform gradientTransform)
        {
            StepRates.Add(LearningRate);
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i] -= LearningRate * gradientTransform.Apply(gradients[i], parameters[i]);
            }
        }
    }
}
