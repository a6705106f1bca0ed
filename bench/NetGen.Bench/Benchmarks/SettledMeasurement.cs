using System;

namespace NetGen.Bench.Benchmarks;

/// <summary>
/// Repeats a round of measurement until two rounds in a row agree within 3 % (at most ten more rounds). Right after
/// <c>dotnet run</c> builds, the build's processes can hold a core for a while, and this machine's first rounds then
/// ran at half speed: a figure counts only once it has settled.
/// </summary>
internal static class SettledMeasurement
{
    private const int MaxRounds = 10;
    private const double Agreement = 0.03;

    /// <summary>
    /// Runs <paramref name="round"/> until <paramref name="figure"/> of two rounds in a row agrees, and returns what
    /// <paramref name="keep"/> makes of the rounds (the faster one, or the last).
    /// </summary>
    public static T Of<T>(Func<T> round, Func<T, double> figure, Func<T, T, T> keep)
    {
        var kept = round();
        var last = figure(kept);
        for (var extra = 0; extra < MaxRounds; extra++)
        {
            var again = round();
            var value = figure(again);
            kept = keep(kept, again);
            if (Math.Abs(value - last) <= Agreement * Math.Max(value, last))
            {
                break;
            }

            last = value;
        }

        return kept;
    }
}
