using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Data;
using NetGen.Maps;

namespace NetGen.Samples.SelfOrganizingMap;

/// <summary>Trains a <see cref="DigitMap"/> on the first images of MNIST's training set and labels each unit by the digits it wins.</summary>
public static class DigitExperiment
{
    /// <summary>The options the sample trains with: η from 0.5 to 0.01 and σ from 5 cells to 0.5 over 10 epochs.</summary>
    public static SelfOrganizingMapOptions Options(long seed) => new() { Epochs = 10, Seed = seed };

    /// <summary>Trains a map initialised from random images on the first <paramref name="count"/> training images.</summary>
    public static (DigitMap Map, IReadOnlyList<MapEpoch> History, MnistSet Images) Train(string mnistDirectory, int count, long seed, Action<MapEpoch>? progress = null)
    {
        var images = Mnist.Load(mnistDirectory, MnistSplit.Training).Take(count);
        var map = new DigitMap();
        map.Initialize(images.Images, seed);
        var history = map.Train(images.Images, Options(seed) with { Progress = progress });
        return (map, history, images);
    }

    /// <summary>For each unit, the digit most of the images it wins show, or -1 for a unit that wins none.</summary>
    public static int[] UnitLabels(DigitMap map, MnistSet images)
    {
        var votes = new int[map.GridUnits, MnistSet.Classes];
        for (var index = 0; index < images.Count; index++)
        {
            votes[map.BestMatchingUnit(images.Images.AsSpan(index * MnistSet.ImageSize, MnistSet.ImageSize)), images.Labels[index]]++;
        }

        return Enumerable.Range(0, map.GridUnits)
            .Select(unit =>
            {
                var counts = Enumerable.Range(0, MnistSet.Classes).Select(digit => votes[unit, digit]).ToArray();
                return counts.Max() == 0 ? -1 : Array.IndexOf(counts, counts.Max());
            })
            .ToArray();
    }
}
