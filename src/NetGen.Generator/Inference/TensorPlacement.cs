using System.Collections.Generic;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Model;

namespace NetGen.Generator.Inference;

/// <summary>
/// Gives each declared tensor its offset: parameters one after another in the parameter buffer (so one optimizer pass
/// updates them all), layer state likewise in the state buffer. A network past 2³¹ − 1 floats is reported.
/// </summary>
internal sealed class TensorPlacement(NetworkModel network, List<DiagnosticInfo> diagnostics)
{
    private long _parameterCount;
    private long _stateCount;

    public int ParameterCount => (int)System.Math.Min(_parameterCount, int.MaxValue);

    public int StateCount => (int)System.Math.Min(_stateCount, int.MaxValue);

    public EquatableArray<PlannedTensor> Place(LayerModel layer, LayerPlan plan)
    {
        if (plan.Tensors.Count == 0)
        {
            return EquatableArray<PlannedTensor>.Empty;
        }

        var placed = new List<PlannedTensor>();
        foreach (var tensor in plan.Tensors)
        {
            ref var count = ref tensor.Storage == TensorStorage.Parameters ? ref _parameterCount : ref _stateCount;
            placed.Add(new PlannedTensor(tensor.Role, tensor.Storage, (int)System.Math.Min(count, int.MaxValue), tensor.Shape, tensor.Initialization, tensor.Documentation));
            count += tensor.Length;
        }

        var tooManyParameters = _parameterCount > int.MaxValue || _stateCount > int.MaxValue;
        if (tooManyParameters || plan.Output.Size == int.MaxValue)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NetworkTooLarge, layer.Location, network.ClassName,
                tooManyParameters ? "parameters" : "activations per sample", layer.Name));
            _parameterCount = System.Math.Min(_parameterCount, int.MaxValue);
            _stateCount = System.Math.Min(_stateCount, int.MaxValue);
        }

        return placed.ToEquatableArray();
    }
}
