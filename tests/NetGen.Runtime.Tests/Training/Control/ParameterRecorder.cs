using System.Collections.Generic;

namespace NetGen.Tests.Training.Control;

/// <summary>Copies the parameters and layer state at the end of every epoch, wherever they live, through the context.</summary>
internal sealed class ParameterRecorder : TrainingCallback
{
    public List<float[]> Parameters { get; } = new();

    public List<float[]> State { get; } = new();

    public override void OnEpochEnd(TrainingContext context, EpochResult epoch)
    {
        var parameters = new float[context.Network.ParameterCount];
        var state = new float[context.Network.State.Length];
        context.CopyParametersAndStateTo(parameters, state);
        Parameters.Add(parameters);
        State.Add(state);
    }
}
