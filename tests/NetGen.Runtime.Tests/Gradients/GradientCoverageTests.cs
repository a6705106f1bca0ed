using System.Collections.Generic;
using System.Linq;
using NetGen.Tests.Shared;

namespace NetGen.Tests.Gradients;

/// <summary>The gradient checks reach every layer kind, activation and loss there is: a new one without a checked network fails here.</summary>
public sealed class GradientCoverageTests
{
    [Fact]
    public void Every_layer_kind_activation_and_loss_has_a_gradient_checked_network()
    {
        IEnumerable<object[]>[] groups = [GradientCheckTests.ActivationNetworks(), GradientCheckTests.LossNetworks(), GradientCheckTests.SpatialNetworks(), GradientCheckTests.RegularizationNetworks(),
            GradientCheckTests.MaxoutNetworks(), GradientCheckTests.RbfNetworks(), GradientCheckTests.RecurrentNetworks(), GradientCheckTests.RuleNetworks()];
        var names = groups.SelectMany(group => group).Select(row => (string)row[0]);

        var missing = DeclaredFeatures.Of(names.Select(name => GradientCheckTests.Create(name).GetType())).Missing();

        Assert.True(missing.Count == 0, "No gradient-checked network declares: " + string.Join(", ", missing));
    }
}
