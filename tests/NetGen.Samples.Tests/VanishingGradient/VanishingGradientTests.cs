using System;
using System.IO;
using System.Linq;
using NetGen.Plotting;
using NetGen.Samples.VanishingGradient;

namespace NetGen.Samples.Tests.VanishingGradient;

/// <summary>The vanishing-gradient sample shows what it claims: the sigmoid stack's gradient fades layer by layer towards the input, the ReLU stack's does not.</summary>
public sealed class VanishingGradientTests
{
    // The sample's own run: a few seconds on two cores, shared by the tests.
    private static readonly Lazy<ExperimentResult> Result = new(() => VanishingGradientExperiment.Run(new ExperimentOptions()));

    [Fact]
    public void The_sigmoid_stack_s_first_layer_gets_orders_of_magnitude_less_gradient_than_its_last()
    {
        // The run shows about 77,000×; each sigmoid layer divides the gradient by 3 to 5.
        Assert.True(ExperimentResult.LastToFirstRatio(Result.Value.Sigmoid) >= 1000, NormTable.Format(Result.Value));
    }

    [Fact]
    public void The_sigmoid_stack_s_gradient_shrinks_at_every_layer_towards_the_input()
    {
        var norms = Result.Value.Sigmoid.Select(layer => layer.Norm).ToArray();

        Assert.All(norms.Zip(norms.Skip(1)), pair => Assert.True(pair.First < pair.Second, NormTable.Format(Result.Value)));
    }

    [Fact]
    public void The_relu_stack_keeps_its_gradient_within_a_small_factor_from_last_layer_to_first()
    {
        // The run shows about 1.1×.
        var ratio = ExperimentResult.LastToFirstRatio(Result.Value.Relu);

        Assert.InRange(ratio, 0.1, 10);
        Assert.True(ExperimentResult.LastToFirstRatio(Result.Value.Sigmoid) >= 100 * ratio, NormTable.Format(Result.Value));
    }

    [Fact]
    public void Both_stacks_report_every_layer_from_input_to_logits()
    {
        string[] layers = ["Hidden1", "Hidden2", "Hidden3", "Hidden4", "Hidden5", "Hidden6", "Hidden7", "Hidden8", "Logits"];

        Assert.Equal(layers, Result.Value.Sigmoid.Select(layer => layer.Layer));
        Assert.Equal(layers, Result.Value.Relu.Select(layer => layer.Layer));
    }

    [Fact]
    public void The_sigmoid_stack_passes_the_gradient_check()
    {
        var check = Result.Value.SigmoidGradientCheck;

        Assert.True(check.Passed(), check.ToString());
        Assert.Equal(new DeepSigmoidStack().ParameterTensors.Count, check.Tensors.Count);
    }

    [Fact]
    public void The_figure_is_saved_as_a_small_png()
    {
        var directory = Directory.CreateTempSubdirectory("vanishing-gradient-");
        try
        {
            var path = PlotFile.Save(GradientNormPlot.Create(Result.Value), Path.Combine(directory.FullName, "figure.png"), 800, 480);

            var bytes = File.ReadAllBytes(path);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
            Assert.InRange(bytes.Length, 5_000, 100_000);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
