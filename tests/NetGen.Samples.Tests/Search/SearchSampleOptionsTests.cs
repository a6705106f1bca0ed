using System;
using NetGen.Samples.Search;

namespace NetGen.Samples.Tests.Search;

public sealed class SearchSampleOptionsTests
{
    [Fact]
    public void Without_arguments_it_grid_searches_6000_images_and_scores_the_test_set()
    {
        var options = SearchSampleOptions.Parse([]);

        Assert.Equal(SearchSampleOptions.Default, options);
        Assert.Equal(6000, options.Limit);
        Assert.Null(options.RandomTrials);
        Assert.True(options.EvaluateOnTest);
    }

    [Fact]
    public void Every_option_is_read()
    {
        var options = SearchSampleOptions.Parse(
            ["--data-dir", "d", "--limit", "500", "--random", "7", "--max-epochs", "4", "--patience", "0", "--parallel", "2", "--seed", "9", "--no-test"]);

        Assert.Equal(new SearchSampleOptions("d", 500, 7, 4, 0, 2, 9, false), options);
    }

    [Theory]
    [InlineData("--random", "0", "--random must be at least 1")]
    [InlineData("--parallel", "two", "--parallel needs an integer")]
    [InlineData("--speed", "1", "Unknown option --speed")]
    public void Bad_values_are_refused_with_the_option_named(string name, string value, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => SearchSampleOptions.Parse([name, value]));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Help_is_recognised()
    {
        Assert.Throws<HelpRequested>(() => SearchSampleOptions.Parse(["--help"]));
    }
}
