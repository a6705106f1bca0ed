using System;
using System.Globalization;
using Spectre.Console;

namespace NetGen.Samples.Mnist;

/// <summary>Shows training progress: a live bar on a terminal, plain lines when output is redirected.</summary>
internal static class TrainingDisplay
{
    public static TrainingHistory Fit(INetwork network, Dataset training, TrainingOptions options, string validationLabel)
    {
        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            return Trainer.Fit(network, training, WithPlainLines(options, validationLabel));
        }

        TrainingHistory? history = null;
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("training", maxValue: (double)options.Epochs * training.Count);
                history = Trainer.Fit(network, training, options with
                {
                    Progress = progress =>
                    {
                        task.Value = progress.Samples;
                        task.Description = string.Create(CultureInfo.InvariantCulture,
                            $"epoch {progress.Epoch}/{progress.Epochs}  batch {progress.Batch}/{progress.Batches}  " +
                            $"loss {progress.Loss:0.0000}  acc {progress.Accuracy:P1}  {progress.Samples / progress.Elapsed.TotalSeconds:N0} samples/s");
                    },
                    EpochCompleted = epoch => AnsiConsole.MarkupLine(Markup.Escape(Describe(epoch, validationLabel))),
                });
            });
        return history!;
    }

    public static string Describe(EpochResult epoch, string validationLabel) => string.Create(CultureInfo.InvariantCulture,
        $"epoch {epoch.Epoch}: lr {epoch.LearningRate:0.######}, loss {epoch.Loss:0.0000}, accuracy {epoch.Accuracy:P2}, " +
        $"{validationLabel} loss {epoch.ValidationLoss:0.0000}, {validationLabel} accuracy {epoch.ValidationAccuracy:P2}, " +
        $"{epoch.Elapsed.TotalSeconds:0.00} s ({epoch.SamplesPerSecond:N0} samples/s)");

    private static TrainingOptions WithPlainLines(TrainingOptions options, string validationLabel) => options with
    {
        Progress = progress =>
        {
            if (progress.Batch % 100 == 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  epoch {progress.Epoch}/{progress.Epochs} batch {progress.Batch}/{progress.Batches}: loss {progress.Loss:0.0000}, accuracy {progress.Accuracy:P1}"));
            }
        },
        EpochCompleted = epoch => Console.WriteLine(Describe(epoch, validationLabel)),
    };
}
