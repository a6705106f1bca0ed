using System.Threading.Tasks;
using NetGen.CodeFixes.Tests.Infrastructure;

namespace NetGen.CodeFixes.Tests;

/// <summary>NG0025: a class with layer attributes but no [Network] gets [Network] first, and partial when it lacks it.</summary>
public sealed class AddNetworkAttributeTests
{
    [Fact]
    public async Task AddsNetworkBeforeTheLayersKeepingTheDocComment()
    {
        var fixedSources = await CodeFixRunner.ApplyFirstFixAsync(new AddNetworkAttributeCodeFixProvider(), "NG0025", """
            using NetGen;

            namespace Demo;

            /// <summary>A small classifier.</summary>
            [Input(2)]
            [Dense(1)]
            public partial class Net;
            """);

        FixedSources.AssertFixedTo(fixedSources, """
            using NetGen;

            namespace Demo;

            /// <summary>A small classifier.</summary>
            [Network]
            [Input(2)]
            [Dense(1)]
            public partial class Net;
            """);
    }

    [Fact]
    public async Task MakesTheClassPartialAndWritesTheNameAsTheLayersAreWritten()
    {
        var fixedSources = await CodeFixRunner.ApplyFirstFixAsync(new AddNetworkAttributeCodeFixProvider(), "NG0025", """
            namespace Demo
            {
                [NetGen.Input(2)]
                [NetGen.Dense(1)]
                public class Net
                {
                }
            }
            """);

        FixedSources.AssertFixedTo(fixedSources, """
            namespace Demo
            {
                [NetGen.Network]
                [NetGen.Input(2)]
                [NetGen.Dense(1)]
                public partial class Net
                {
                }
            }
            """);
    }

    [Fact]
    public async Task IsOfferedUnderItsTitle()
    {
        var titles = await CodeFixRunner.OfferedTitlesAsync(new AddNetworkAttributeCodeFixProvider(), "NG0025", """
            using NetGen;

            [Input(2)]
            [Dense(1)]
            public partial class Net;
            """);

        Assert.Equal(["Add [Network] to 'Net'"], titles);
    }
}
