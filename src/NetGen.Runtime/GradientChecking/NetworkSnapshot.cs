using System;

namespace NetGen;

/// <summary>A network's parameters, layer state and step count, to put back exactly after probing it.</summary>
internal sealed class NetworkSnapshot
{
    private readonly float[] _parameters;
    private readonly float[] _state;
    private readonly long _trainingSteps;

    public NetworkSnapshot(INetwork network)
    {
        _parameters = network.Parameters.ToArray();
        _state = network.State.ToArray();
        _trainingSteps = network.TrainingSteps;
    }

    public void Restore(INetwork network)
    {
        _parameters.AsSpan().CopyTo(network.Parameters);
        _state.AsSpan().CopyTo(network.State);
        network.TrainingSteps = _trainingSteps;
    }
}
