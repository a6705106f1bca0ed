using System.Threading.Tasks;
using NetGen.CodeFixes.Tests.Infrastructure;

namespace NetGen.CodeFixes.Tests;

/// <summary>NG0001: the network class gets the partial modifier, after its other modifiers, on every declaration.</summary>
public sealed class MakeNetworkPartialTests
{
    [Fact]
    public async Task AddsPartialAfterTheOtherModifiers()
    {
        var fixedSources = await CodeFixRunner.ApplyFirstFixAsync(new MakeNetworkPartialCodeFixProvider(), "NG0001", """
            using NetGen;

            namespace Demo;

            [Network]
            [Input(2)]
            [Dense(1)]
            public sealed class Net
            {
            }
            """);

        FixedSources.AssertFixedTo(fixedSources, """
            using NetGen;

            namespace Demo;

            [Network]
            [Input(2)]
            [Dense(1)]
            public sealed partial class Net
            {
            }
            """);
    }

    [Fact]
    public async Task AddsPartialToEveryDeclarationThatLacksIt()
    {
        var fixedSources = await CodeFixRunner.ApplyFirstFixAsync(new MakeNetworkPartialCodeFixProvider(), "NG0001", """
            using NetGen;

            namespace Demo;

            [Network]
            [Input(2)]
            [Dense(1)]
            public partial class Net;
            """, """
            namespace Demo;

            // The rest of the network.
            class Net
            {
                public int Epochs { get; set; }
            }
            """);

        FixedSources.AssertFixedTo(fixedSources, """
            using NetGen;

            namespace Demo;

            [Network]
            [Input(2)]
            [Dense(1)]
            public partial class Net;
            """, """
            namespace Demo;

            // The rest of the network.
            partial class Net
            {
                public int Epochs { get; set; }
            }
            """);
    }
}
