using System;
using NetGen.Cpu;
using NetGen.Optimizers;
using NetGen.Tests.Cpu;
using NetGen.Tests.Gradients;

namespace NetGen.Tests.Optimizers;

/// <summary>
/// The shared update driver gives every element the same bits wherever it falls: in a 512-bit vector, a narrower one
/// or the scalar tail, and in whichever thread's part.
/// </summary>
[Collection(WorkerPoolCollection.Name)]
public sealed class UpdateJobTests
{
    private const int Steps = 3;

    [Theory]
    [MemberData(nameof(OptimizerTestData.OptimizerNames), MemberType = typeof(OptimizerTestData))]
    public void Every_element_matches_the_scalar_formula_for_whole_vectors_and_tails(string name)
    {
        // 128 is a multiple of every vector width; the others leave tails of every kind.
        foreach (int length in new[] { 128, 1, 7, 8, 15, 17, 25, 63, 127, 1_003 })
        {
            AssertBitIdentical(ScalarReferenceSteps(name, length), OptimizerSteps(name, length), $"{name}, {length} elements");
        }
    }

    [Theory]
    [MemberData(nameof(OptimizerTestData.OptimizerNames), MemberType = typeof(OptimizerTestData))]
    public void Moving_elements_from_whole_vectors_into_the_tail_leaves_their_results_unchanged(string name)
    {
        const int Whole = 128, Shift = 5;
        float[] aligned = OptimizerSteps(name, Whole);

        // The same inputs shifted left by 5: elements that sat in a 512-bit vector now fill the tail.
        float[] shifted = OptimizerSteps(name, Whole - Shift, offset: Shift);

        AssertBitIdentical(aligned.AsSpan(Shift).ToArray(), shifted, $"{name}, shifted by {Shift}");
    }

    [Theory]
    [MemberData(nameof(OptimizerTestData.OptimizerNames), MemberType = typeof(OptimizerTestData))]
    public void A_large_buffer_split_over_threads_matches_one_thread_and_the_scalar_formula(string name)
    {
        // Split into parts on several threads, and not a multiple of any vector width or part alignment.
        const int Length = 200_003;
        int original = WorkerPool.MaxThreads;
        try
        {
            WorkerPool.MaxThreads = 1;
            float[] single = OptimizerSteps(name, Length);
            foreach (int threads in new[] { 2, 3, 8 })
            {
                WorkerPool.MaxThreads = threads;
                AssertBitIdentical(single, OptimizerSteps(name, Length), $"{name}, {threads} threads against 1");
            }

            AssertBitIdentical(ScalarReferenceSteps(name, Length), single, $"{name}, 1 thread against the scalar formula");
        }
        finally
        {
            WorkerPool.MaxThreads = original;
        }
    }

    private static Optimizer CreateOptimizer(string name) => OptimizerTestData.Create(name, weightDecay: 0.1f, clipValue: 0.7f, l1Decay: 0.05f);

    // The parameters after three steps of the optimizer, from inputs[offset..offset + length).
    private static float[] OptimizerSteps(string name, int length, int offset = 0)
    {
        Optimizer optimizer = CreateOptimizer(name);
        float[] parameters = Inputs(seed: 1, offset, length);
        for (int step = 0; step < Steps; step++)
        {
            optimizer.Step(parameters, Inputs(seed: 10 + step, offset, length, bound: 2f));
        }

        return parameters;
    }

    private static float[] ScalarReferenceSteps(string name, int length)
    {
        var reference = new ScalarUpdateReference(CreateOptimizer(name), length);
        float[] parameters = Inputs(seed: 1, offset: 0, length);
        for (int step = 0; step < Steps; step++)
        {
            reference.Step(parameters, Inputs(seed: 10 + step, offset: 0, length, bound: 2f));
        }

        return parameters;
    }

    private static float[] Inputs(int seed, int offset, int length, float bound = 1f)
        => GradientChecker.RandomArray(offset + length, seed, -bound, bound).AsSpan(offset).ToArray();

    private static void AssertBitIdentical(float[] expected, float[] actual, string context)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            if (BitConverter.SingleToInt32Bits(expected[i]) != BitConverter.SingleToInt32Bits(actual[i]))
            {
                Assert.Fail($"{context}: θ[{i}] = {actual[i]:R}, expected {expected[i]:R}");
            }
        }
    }
}
