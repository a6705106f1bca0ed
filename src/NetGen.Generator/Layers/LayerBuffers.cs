using System.Collections.Generic;
using NetGen.Generator.Activations;
using NetGen.Generator.Model;

namespace NetGen.Generator.Layers;

/// <summary>The per-sample buffers most compute layers own.</summary>
internal static class LayerBuffers
{
    /// <summary>z (only where an activation makes it differ from a), a and δ, each as large as the output.</summary>
    public static List<PlannedBuffer> Standard(int outputSize, ActivationChoice activation)
    {
        var buffers = new List<PlannedBuffer>();
        if (ActivationCatalog.For(activation.Kind).KeepsPreActivation)
        {
            buffers.Add(new PlannedBuffer(PlannedBuffer.PreActivation, BufferElement.Float, outputSize));
        }

        buffers.Add(new PlannedBuffer(PlannedBuffer.Output, BufferElement.Float, outputSize));
        buffers.Add(new PlannedBuffer(PlannedBuffer.Delta, BufferElement.Float, outputSize));
        return buffers;
    }
}
