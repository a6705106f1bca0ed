using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using NetGen.Data;
using NetGen.Maps;
using NetGen.Samples.SelfOrganizingMap;

// Trains two self-organising maps and saves their pictures: a 20×20 map of random RGB colours, and a 10×10 map of MNIST
// digits (the first --digits training images), printing each epoch's quantisation and topographic errors.
// Options: --out DIR (default plots under the current folder), --digits N (default 5000), --seed N (default 1),
// --mnist DIR (default data/mnist; the digit map is skipped if MNIST is not there).

var output = ReadOption(args, "--out", "plots");
var digitCount = int.Parse(ReadOption(args, "--digits", "5000"), CultureInfo.InvariantCulture);
var seed = long.Parse(ReadOption(args, "--seed", "1"), CultureInfo.InvariantCulture);
var mnistDirectory = ReadOption(args, "--mnist", Mnist.DefaultDirectory);

var clock = Stopwatch.StartNew();
Console.WriteLine($"Colours: a {ColourMap.Rows}×{ColourMap.Columns} map, 2,000 random colours, {ColourExperiment.Options(seed).Epochs} epochs");
var (colourMap, _) = ColourExperiment.Train(ColourExperiment.RandomColours(2_000, seed), seed, Print);
Console.WriteLine($"  wrote {MapImages.SaveColours(colourMap, Path.Combine(output, "som-colours.png"))} ({clock.Elapsed.TotalSeconds:F1} s)");

if (!Mnist.IsAvailable(mnistDirectory))
{
    Console.WriteLine($"Digits: skipped, MNIST is not in {mnistDirectory} (bash scripts/fetch-mnist.sh, or --mnist DIR)");
    return 0;
}

clock.Restart();
Console.WriteLine($"Digits: a {DigitMap.Rows}×{DigitMap.Columns} map, the first {digitCount:N0} MNIST training images, {DigitExperiment.Options(seed).Epochs} epochs");
var (digitMap, _, images) = DigitExperiment.Train(mnistDirectory, digitCount, seed, Print);
Console.WriteLine($"  wrote {MapImages.SaveDigits(digitMap, Path.Combine(output, "som-digits.png"))}");
Console.WriteLine($"  wrote {MapImages.SaveUMatrix(digitMap, "U-matrix of the 10×10 digit map", Path.Combine(output, "som-digits-umatrix.png"))} ({clock.Elapsed.TotalSeconds:F1} s)");
Console.WriteLine("  The digit most of each unit's images show (· for a unit that wins none):");
var labels = DigitExperiment.UnitLabels(digitMap, images);
for (var row = 0; row < DigitMap.Rows; row++)
{
    var line = new System.Text.StringBuilder("   ");
    for (var column = 0; column < DigitMap.Columns; column++)
    {
        var label = labels[(row * DigitMap.Columns) + column];
        line.Append(' ').Append(label < 0 ? "·" : label.ToString(CultureInfo.InvariantCulture));
    }

    Console.WriteLine(line);
}

return 0;

static void Print(MapEpoch epoch) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  epoch {epoch.Epoch,2}  η {epoch.LearningRate:F3}  σ {epoch.Radius:F2}  quantisation error {epoch.QuantizationError:F4}  topographic error {epoch.TopographicError:F4}"));

static string ReadOption(string[] args, string name, string fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
}
