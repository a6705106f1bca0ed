using System;

namespace NetGen;

/// <summary>Scores a dataset batch by batch on a back end: the mean per-sample loss and the accuracy.</summary>
internal static class EvaluationLoop
{
    public static Evaluation Run(INetwork network, ITrainingBackend backend, Dataset data, int batchSize)
    {
        batchSize = Math.Min(batchSize, backend.EvaluationBatchCapacity);
        double lossSum = 0;
        long correct = 0;
        for (var start = 0; start < data.Count; start += batchSize)
        {
            var count = Math.Min(batchSize, data.Count - start);
            var batch = backend.EvaluateBatch(data.InputRows(start, count), data.TargetRows(start, count));
            lossSum += batch.SummedLoss(network.Reduction);
            correct += batch.Correct;
        }

        return new Evaluation(lossSum / data.Count, Trainer.AccuracyOrNaN(network, correct, data.Count), data.Count);
    }
}
