using System.IO;
using System.Linq;
using NetGen.Samples.Search;
using NetGen.Search;
using Spectre.Console;

namespace NetGen.Samples.Tests.Search;

public sealed class ResultsTableTests
{
    // A real search, kept tiny: 60 random "images" of 10 classes, 2 epochs per trial.
    private static readonly SearchResult Result = HyperparameterSearch.Grid(
        MnistSearchSpace.Grid with { BatchSizes = [16] },
        RandomImages(60),
        new SearchOptions { MaxEpochs = 2, Patience = 1, Seed = 3 });

    [Fact]
    public void Trials_are_ranked_by_validation_loss_with_the_best_first()
    {
        var ranked = ResultsTable.Ranked(Result);

        Assert.Equal(Result.Trials.Count, ranked.Count);
        Assert.Same(Result.Best, ranked[0]);
        Assert.True(ranked.Zip(ranked.Skip(1)).All(pair => pair.First.ValidationLoss <= pair.Second.ValidationLoss));
        Assert.False(ranked.SequenceEqual(Result.Trials), "the ranking should differ from the trial order");
    }

    [Fact]
    public void The_table_has_a_row_per_trial_and_shows_the_best_first()
    {
        var table = ResultsTable.Build(Result);
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, Out = new AnsiConsoleOutput(writer) });
        console.Profile.Width = 120;

        console.Write(table);

        Assert.Equal(Result.Trials.Count, table.Rows.Count);
        var firstRow = writer.ToString().Split('\n').First(line => line.Contains("│ 1 "));
        Assert.Contains(Result.Best.Configuration.Optimizer.ToString(), firstRow);
        Assert.Contains(Result.Best.ValidationLoss.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture), firstRow);
    }

    private static Dataset RandomImages(int count)
    {
        var random = new SeededRandom(5);
        var images = new float[count * 784];
        for (var i = 0; i < images.Length; i++)
        {
            images[i] = random.NextSingle();
        }

        var labels = Enumerable.Range(0, count).Select(i => i % 10).ToArray();
        return Dataset.FromClassLabels(images, 784, labels, 10);
    }
}
