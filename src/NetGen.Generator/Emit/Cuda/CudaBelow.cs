using System.Collections.Generic;

namespace NetGen.Generator.Emit.Cuda;

/// <summary>How a kernel writes δ of the layer below: times that layer's activation derivative where it is element-wise (fused), else as is.</summary>
internal static class CudaBelow
{
    /// <summary>Adds the buffers a kernel writing δ of <paramref name="below"/> needs: z and a for a fused derivative, then δ.</summary>
    public static void AddMembers(CudaLayer below, List<string> members, List<string> initializers, List<CudaParameter> parameters)
    {
        if (below.Activation.HasElementwiseDerivative)
        {
            members.Add("const float* __restrict__ z_below;");
            members.Add("const float* __restrict__ a_below;");
            initializers.Add(below.PreActivation);
            initializers.Add(below.Output);
            parameters.Add(CudaParameter.Reads(below.PreActivation));
            parameters.Add(CudaParameter.Reads(below.Output));
        }

        members.Add("float* __restrict__ delta_below;");
        initializers.Add(below.Delta);
        parameters.Add(CudaParameter.Writes(below.Delta));
    }

    /// <summary>C that writes <paramref name="value"/> as δ of <paramref name="below"/> at <paramref name="index"/>, times the fused derivative if any.</summary>
    public static IEnumerable<string> Store(CudaLayer below, string index, string value, string z, string a, string delta)
    {
        if (!below.Activation.HasElementwiseDerivative)
        {
            yield return delta + "[" + index + "] = " + value + ";";
            yield break;
        }

        yield return "const int j = " + index + ";";
        yield return delta + "[j] = " + value + " * " + below.Derivative(z + "[j]", a + "[j]") + ";";
    }

    /// <summary>The comment's note on a fused derivative.</summary>
    public static string DerivativeNote(CudaLayer below) =>
        below.Activation.HasElementwiseDerivative ? " × " + below.ActivationChoice.Kind + "'(z below)" : string.Empty;
}
