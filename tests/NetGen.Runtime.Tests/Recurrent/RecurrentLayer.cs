using System;
using System.Collections.Generic;
using NetGen.Internal;
using NetGen.Tests.Gradients;

namespace NetGen.Tests.Recurrent;

/// <summary>
/// One recurrent layer for the kernel tests: its parameters, the buffers <see cref="RecurrentKernels"/> takes, sized as
/// <see cref="RecurrentShape"/> says, and its gradients after <see cref="Backward"/>.
/// </summary>
internal sealed class RecurrentLayer
{
    public RecurrentLayer(RecurrentShape shape, int batch, bool bias = true, int seed = 1, float scale = 0.8f)
    {
        Shape = shape;
        Batch = batch;
        InputWeight = GradientChecker.RandomArray(shape.InputWeightLength, seed, -scale, scale);
        RecurrentWeight = GradientChecker.RandomArray(shape.RecurrentWeightLength, seed + 1, -scale, scale);
        InputBias = bias ? GradientChecker.RandomArray(shape.BiasLength, seed + 2, -scale, scale) : [];
        RecurrentBias = bias ? GradientChecker.RandomArray(shape.BiasLength, seed + 3, -scale, scale) : [];
        Projections = new float[batch * shape.ProjectionSize];
        Gates = new float[batch * shape.GateSize];
        States = new float[batch * shape.StateSize];
        GateDeltas = new float[batch * shape.GateDeltaSize];
        Step = new float[batch * shape.StepSize];
        Output = new float[batch * shape.OutputSize];
        InputWeightGradient = new float[shape.InputWeightLength];
        RecurrentWeightGradient = new float[shape.RecurrentWeightLength];
        InputBiasGradient = new float[InputBias.Length];
        RecurrentBiasGradient = new float[RecurrentBias.Length];
        InputDelta = new float[batch * shape.InputSize];
    }

    public RecurrentShape Shape { get; }

    public int Batch { get; }

    public float[] InputWeight { get; }

    public float[] RecurrentWeight { get; }

    public float[] InputBias { get; }

    public float[] RecurrentBias { get; }

    public float[] Projections { get; }

    public float[] Gates { get; }

    public float[] States { get; }

    public float[] GateDeltas { get; }

    public float[] Step { get; }

    public float[] Output { get; }

    public float[] InputWeightGradient { get; }

    public float[] RecurrentWeightGradient { get; }

    public float[] InputBiasGradient { get; }

    public float[] RecurrentBiasGradient { get; }

    public float[] InputDelta { get; }

    /// <summary>The parameters with their gradients, by name.</summary>
    public IEnumerable<(string Name, float[] Values, float[] Gradient)> Parameters
    {
        get
        {
            yield return ("inputWeight", InputWeight, InputWeightGradient);
            yield return ("recurrentWeight", RecurrentWeight, RecurrentWeightGradient);
            if (InputBias.Length > 0)
            {
                yield return ("inputBias", InputBias, InputBiasGradient);
                yield return ("recurrentBias", RecurrentBias, RecurrentBiasGradient);
            }
        }
    }

    public float[] Forward(float[] input) => Forward(input, default(TanhActivation));

    public float[] Forward<TActivation>(float[] input, TActivation activation)
        where TActivation : struct, IActivation
    {
        RecurrentKernels.Forward(Shape, input, InputWeight, RecurrentWeight, InputBias, RecurrentBias,
            Projections, Gates, States, Step, Output, Batch, activation);
        return Output;
    }

    public void Backward(float[] input, float[] outputDelta, bool inputDelta = true) => Backward(input, outputDelta, default(TanhActivation), inputDelta);

    public void Backward<TActivation>(float[] input, float[] outputDelta, TActivation activation, bool inputDelta = true)
        where TActivation : struct, IActivation
    {
        RecurrentKernels.Backward(Shape, input, InputWeight, RecurrentWeight, RecurrentBias,
            Projections, Gates, States, GateDeltas, Step, outputDelta,
            InputWeightGradient, RecurrentWeightGradient, InputBiasGradient, RecurrentBiasGradient,
            inputDelta ? InputDelta : Span<float>.Empty, Batch, activation);
    }

    /// <summary>Σ w ⊙ output in double.</summary>
    public static double Loss(ReadOnlySpan<float> output, ReadOnlySpan<float> weights)
    {
        var sum = 0.0;
        for (var i = 0; i < output.Length; i++)
        {
            sum += (double)weights[i] * output[i];
        }

        return sum;
    }
}
