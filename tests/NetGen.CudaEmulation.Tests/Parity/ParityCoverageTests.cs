using System.Linq;
using NetGen.Tests.Shared;

namespace NetGen.CudaEmulation.Tests.Parity;

/// <summary>The parity networks reach every layer kind, activation and loss there is: a new one without an emulated CUDA check fails here.</summary>
public sealed class ParityCoverageTests
{
    [Fact]
    public void Every_layer_kind_activation_and_loss_has_a_parity_network()
    {
        var missing = DeclaredFeatures.Of(NetworkCatalog.All.Select(network => network.Create().GetType())).Missing();

        Assert.True(missing.Count == 0, "No CUDA parity network declares: " + string.Join(", ", missing));
    }
}
