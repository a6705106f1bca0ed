using System.Threading.Tasks;
using NetGen.CodeFixes.Tests.Infrastructure;

namespace NetGen.CodeFixes.Tests;

/// <summary>NG0003: the type around a network gets the partial modifier.</summary>
public sealed class MakeContainingTypePartialTests
{
    [Fact]
    public async Task AddsPartialToTheContainingType()
    {
        var fixedSources = await CodeFixRunner.ApplyFirstFixAsync(new MakeContainingTypePartialCodeFixProvider(), "NG0003", """
            using NetGen;

            namespace Demo;

            internal static class Models
            {
                [Network]
                [Input(2)]
                [Dense(1)]
                public partial class Net;
            }
            """);

        FixedSources.AssertFixedTo(fixedSources, """
            using NetGen;

            namespace Demo;

            internal static partial class Models
            {
                [Network]
                [Input(2)]
                [Dense(1)]
                public partial class Net;
            }
            """);
    }
}
