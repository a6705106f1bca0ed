using System;

namespace NetGen.Search;

/// <summary>The data every trial of a search trains and is scored on, split once so that all trials see the same samples.</summary>
internal sealed record SearchData(Dataset Training, Dataset Validation)
{
    public static SearchData Prepare(Dataset training, SearchOptions options)
    {
        if (options.Validation is { } validation)
        {
            return new SearchData(training, validation);
        }

        var (trainingRows, validationRows) = ValidationSplit.Rows(training.Count, options.ValidationSplit, options.Seed);
        if (trainingRows.Length == 0)
        {
            throw new ArgumentException(
                $"A {nameof(SearchOptions.ValidationSplit)} of {options.ValidationSplit} holds out all {training.Count} samples and leaves none to train on.",
                nameof(training));
        }

        return new SearchData(training.CopyRows(trainingRows), training.CopyRows(validationRows));
    }
}
