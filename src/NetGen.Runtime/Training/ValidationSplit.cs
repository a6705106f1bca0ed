using System;

namespace NetGen;

/// <summary>
/// Which samples <see cref="TrainingOptions.ValidationSplit"/> holds out: ⌈f·N⌉ of the N samples (f taken as the decimal
/// it prints as, so 0.7 of 10 is 7), chosen by a shuffle seeded with <see cref="TrainingOptions.Seed"/>. The same seed,
/// fraction and sample count always give the same split, whatever <see cref="TrainingOptions.Shuffle"/> says.
/// </summary>
internal static class ValidationSplit
{
    /// <summary>
    /// Keys the split's shuffle apart from the per-epoch batch orders, which <see cref="BatchLoader"/> keys by the epoch in
    /// the low 32 bits; an epoch is a non-negative int, so it never reaches this value.
    /// </summary>
    private const uint SplitStream = uint.MaxValue;

    /// <summary>The training rows and the validation rows of <paramref name="count"/> samples, each ascending, together every row once.</summary>
    public static (int[] Training, int[] Validation) Rows(int count, double fraction, int seed)
    {
        var validationCount = (int)Math.Min(count, decimal.Ceiling((decimal)fraction * count));
        var order = new int[count];
        for (var i = 0; i < count; i++)
        {
            order[i] = i;
        }

        new SeededRandom(((long)seed << 32) ^ SplitStream).Shuffle(order.AsSpan());
        var validation = order[..validationCount];
        var training = order[validationCount..];
        Array.Sort(validation);
        Array.Sort(training);
        return (training, validation);
    }
}
