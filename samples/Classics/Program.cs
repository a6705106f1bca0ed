using System;
using System.Globalization;
using NetGen.Samples.Classics;

// The classics, each a declared NetGen network:
//   perceptron  Rosenblatt's rule on AND, OR (learned) and XOR (never learned)
//   linear      the lecture's linear-regression walk-through, w 0.1 → 1.703317 → 1.928828 → 1.960546
//   logistic    logistic regression on two Gaussian blobs
// Options: --plots DIR (write the figures as PNG), --max-epochs N (perceptron, default 100), --seed N (logistic, default 7).

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (args.Length == 0)
{
    Console.Error.WriteLine(SampleOptions.Usage);
    return 2;
}

if (!SampleOptions.TryRead(args[1..], out var options, out var problem))
{
    Console.Error.WriteLine(problem + Environment.NewLine + SampleOptions.Usage);
    return 2;
}

return args[0] switch
{
    "perceptron" => PerceptronReport.Run(options, Console.Out),
    "linear" => LinearRegressionReport.Run(Console.Out),
    "logistic" => LogisticRegressionReport.Run(options, Console.Out),
    _ => Unknown(args[0]),
};

static int Unknown(string command)
{
    Console.Error.WriteLine($"Unknown command '{command}'." + Environment.NewLine + SampleOptions.Usage);
    return 2;
}
