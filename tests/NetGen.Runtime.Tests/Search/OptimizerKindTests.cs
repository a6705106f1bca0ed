using System;
using NetGen.Optimizers;
using NetGen.Search;

namespace NetGen.Tests.Search;

public sealed class OptimizerKindTests
{
    [Fact]
    public void Every_kind_builds_its_namesake_with_the_learning_rate_and_weight_decay()
    {
        foreach (var kind in Enum.GetValues<OptimizerKind>())
        {
            Optimizer optimizer = kind.Create(0.03f, 0.001f);

            Assert.Equal(kind.ToString(), optimizer.Name);
            Assert.Equal(0.03f, optimizer.LearningRate);
            Assert.Equal(0.001f, optimizer.WeightDecay);
        }
    }

    [Fact]
    public void Rprop_takes_the_learning_rate_as_its_initial_step_and_refuses_one_above_its_largest()
    {
        var rprop = Assert.IsType<Rprop>(OptimizerKind.Rprop.Create(0.1f));

        Assert.Equal(0.1f, rprop.LearningRate);
        Assert.Equal(50f, rprop.MaxStepSize);
        Assert.Throws<ArgumentOutOfRangeException>("learningRate", () => OptimizerKind.Rprop.Create(60f));
    }
}
