using System;
using System.Linq;
using ScottPlot;
using ScottPlot.Plottables;

namespace NetGen.Plotting.Tests;

public sealed class TrainingPlotsTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private static readonly double[] Loss = [1.2, 0.6, 0.4];
    private static readonly double[] Accuracy = [0.70, 0.85, 0.90];
    private static readonly double[] ValidationLoss = [0.9, 0.7, 0.65];
    private static readonly double[] ValidationAccuracy = [0.75, 0.82, 0.86];

    [Fact]
    public void With_validation_both_panels_plot_training_and_validation()
    {
        var figure = TrainingPlots.Curves(Histories.Of(Loss, Accuracy, ValidationLoss, ValidationAccuracy));

        var texts = ImageFiles.SvgTexts(PlotFile.Save(figure, _directory.File("curves.svg"), 1000, 400));
        Assert.Contains("Loss per epoch", texts);
        Assert.Contains("Accuracy per epoch", texts);
        Assert.Equal(2, texts.Count(text => text == "training"));
        Assert.Equal(2, texts.Count(text => text == "validation"));
    }

    [Fact]
    public void Without_validation_data_the_validation_series_are_left_out()
    {
        var figure = TrainingPlots.Curves(Histories.Of(Loss, Accuracy));

        Assert.All(figure.GetPlots(), plot => Assert.Single(plot.GetPlottables<Scatter>()));
        var texts = ImageFiles.SvgTexts(PlotFile.Save(figure, _directory.File("curves.svg"), 1000, 400));
        Assert.Equal(2, texts.Count(text => text == "training"));
        Assert.DoesNotContain(texts, text => text.Contains("validation", StringComparison.Ordinal));
    }

    [Fact]
    public void For_regression_without_accuracy_only_the_loss_panel_is_drawn()
    {
        var figure = TrainingPlots.Curves(Histories.Of(Loss, validationLoss: ValidationLoss));

        Assert.Single(figure.GetPlots());
        var texts = ImageFiles.SvgTexts(PlotFile.Save(figure, _directory.File("curves.svg"), 600, 400));
        Assert.Contains("Loss per epoch", texts);
        Assert.DoesNotContain("Accuracy per epoch", texts);
        Assert.Contains("validation", texts);
    }

    [Fact]
    public void The_validation_series_take_the_label_given()
    {
        var figure = TrainingPlots.Curves(Histories.Of(Loss, Accuracy, ValidationLoss, ValidationAccuracy), validationLabel: "test");

        var texts = ImageFiles.SvgTexts(PlotFile.Save(figure, _directory.File("curves.svg"), 1000, 400));
        Assert.Equal(2, texts.Count(text => text == "test"));
        Assert.DoesNotContain("validation", texts);
    }

    [Fact]
    public void Points_are_epochs_against_loss_and_accuracy_in_percent()
    {
        var figure = TrainingPlots.Curves(Histories.Of(Loss, Accuracy));

        var loss = figure.GetPlots()[0].GetPlottables<Scatter>().Single().Data.GetScatterPoints();
        var accuracy = figure.GetPlots()[1].GetPlottables<Scatter>().Single().Data.GetScatterPoints();
        Assert.Equal([1.0, 2.0, 3.0], loss.Select(point => point.X));
        Assert.Equal(Loss, loss.Select(point => point.Y));
        Assert.Equal(Accuracy.Select(value => 100 * value), accuracy.Select(point => point.Y));
    }

    [Fact]
    public void Epochs_where_a_figure_is_not_finite_are_skipped_in_its_series()
    {
        var figure = TrainingPlots.Curves(Histories.Of(Loss, validationLoss: [double.NaN, 0.7, double.PositiveInfinity]));

        var validation = figure.GetPlots()[0].GetPlottables<Scatter>().Single(series => series.LegendText == "validation");
        Assert.Equal([(2.0, 0.7)], validation.Data.GetScatterPoints().Select(point => (point.X, point.Y)));
    }

    [Fact]
    public void An_empty_history_is_refused_with_a_clear_message()
    {
        var error = Assert.Throws<ArgumentException>(() => TrainingPlots.Curves(new TrainingHistory()));

        Assert.Equal("history", error.ParamName);
        Assert.Contains("no epochs", error.Message, StringComparison.Ordinal);
    }
}
