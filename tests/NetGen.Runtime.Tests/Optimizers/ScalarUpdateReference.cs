using System;
using NetGen.Optimizers;

namespace NetGen.Tests.Optimizers;

/// <summary>
/// Each optimizer's step written out element by element in float, in the same order of operations as its rule, for
/// bit-exact comparison with the vectorized, threaded update. Value clipping, L2 and L1 decay only: the norm-clipping
/// scale depends on the whole buffer.
/// </summary>
internal sealed class ScalarUpdateReference
{
    private delegate float ElementStep(float theta, float g, ref float first, ref float second, long step);

    private readonly ElementStep _step;
    private readonly float _clipBound;
    private readonly float _l2WeightDecay;
    private readonly float _l1Decay;
    private readonly float[] _first;
    private readonly float[] _second;
    private long _stepCount;

    public ScalarUpdateReference(Optimizer optimizer, int length)
    {
        _step = ElementStepOf(optimizer);
        _clipBound = optimizer.ClipValue > 0f ? optimizer.ClipValue : float.PositiveInfinity;
        _l2WeightDecay = optimizer is AdamW ? 0f : optimizer.WeightDecay;
        _l1Decay = optimizer.L1Decay; // AdamW's too: only its L2 part is decoupled.
        _first = new float[length];
        _second = new float[length];
    }

    public void Step(float[] parameters, float[] gradients)
    {
        _stepCount++;
        for (int i = 0; i < parameters.Length; i++)
        {
            float theta = parameters[i];
            float g = MathF.FusedMultiplyAdd(_l2WeightDecay, theta, Math.Clamp(gradients[i], -_clipBound, _clipBound)) + _l1Decay * Sign(theta);
            parameters[i] = _step(theta, g, ref _first[i], ref _second[i], _stepCount);
        }
    }

    private static ElementStep ElementStepOf(Optimizer optimizer)
    {
        float lr = optimizer.LearningRate;
        switch (optimizer)
        {
            case Sgd:
                return (float theta, float g, ref float _, ref float _, long _) => theta - lr * g;
            case Momentum momentum:
            {
                float mu = momentum.MomentumFactor;
                return (float theta, float g, ref float v, ref float _, long _) =>
                {
                    v = mu * v + g;
                    return theta - lr * v;
                };
            }
            case Nesterov nesterov:
            {
                float mu = nesterov.MomentumFactor;
                return (float theta, float g, ref float v, ref float _, long _) =>
                {
                    v = mu * v + g;
                    return theta - lr * (g + mu * v);
                };
            }
            case Adagrad adagrad:
            {
                float epsilon = adagrad.Epsilon;
                return (float theta, float g, ref float sum, ref float _, long _) =>
                {
                    sum = sum + g * g;
                    return theta - lr * g / (MathF.Sqrt(sum) + epsilon);
                };
            }
            case RmsProp rmsProp:
            {
                float rho = rmsProp.Rho, oneMinusRho = 1f - rmsProp.Rho, epsilon = rmsProp.Epsilon;
                return (float theta, float g, ref float meanSquare, ref float _, long _) =>
                {
                    meanSquare = rho * meanSquare + oneMinusRho * g * g;
                    return theta - lr * g / (MathF.Sqrt(meanSquare) + epsilon);
                };
            }
            case AdaDelta adaDelta:
            {
                float rho = adaDelta.Rho, oneMinusRho = 1f - adaDelta.Rho, epsilon = adaDelta.Epsilon;
                return (float theta, float g, ref float gradientAverage, ref float deltaAverage, long _) =>
                {
                    gradientAverage = rho * gradientAverage + oneMinusRho * g * g;
                    float delta = MathF.Sqrt(deltaAverage + epsilon) / MathF.Sqrt(gradientAverage + epsilon) * g;
                    deltaAverage = rho * deltaAverage + oneMinusRho * delta * delta;
                    return theta - lr * delta;
                };
            }
            case Rprop rprop:
            {
                float etaMinus = rprop.EtaMinus, etaPlus = rprop.EtaPlus, minStep = rprop.MinStepSize, maxStep = rprop.MaxStepSize;
                return (float theta, float g, ref float previous, ref float stepSize, long _) =>
                {
                    float agreement = Sign(g) * Sign(previous);
                    float factor = agreement > 0f ? etaPlus : agreement < 0f ? etaMinus : 1f;
                    stepSize = Math.Clamp((stepSize > 0f ? stepSize : lr) * factor, minStep, maxStep);
                    previous = agreement < 0f ? 0f : g;
                    return theta - Sign(previous) * stepSize;
                };
            }
            case Adam adam:
            {
                float beta1 = adam.Beta1, beta2 = adam.Beta2, epsilon = adam.Epsilon;
                float retained = adam is AdamW ? (float)(1.0 - (double)lr * adam.WeightDecay) : 1f;
                return (float theta, float g, ref float m, ref float v, long t) =>
                {
                    float stepSize = (float)(lr / (1.0 - Math.Pow(beta1, t)));
                    float correction = (float)(1.0 / Math.Sqrt(1.0 - Math.Pow(beta2, t)));
                    m = FlushSubnormal(beta1 * m + (1f - beta1) * g);
                    v = FlushSubnormal(beta2 * v + (1f - beta2) * g * g);
                    return theta * retained - stepSize * m / (MathF.Sqrt(v) * correction + epsilon);
                };
            }
            default:
                throw new ArgumentException($"No scalar reference for {optimizer.Name}.", nameof(optimizer));
        }
    }

    private static float FlushSubnormal(float x) => float.IsSubnormal(x) ? 0f : x;

    private static float Sign(float x) => x > 0f ? 1f : x < 0f ? -1f : 0f;
}
