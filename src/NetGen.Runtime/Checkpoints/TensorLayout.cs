using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace NetGen;

/// <summary>
/// A fingerprint of a network's tensor layout, saved in a file's metadata so that a mismatch can say the file was written
/// for another layout: the hex SHA-256 of the UTF-8 lines "Name [d0, d1, …]", one per tensor (parameters in buffer order,
/// then state), each ending with "\n".
/// </summary>
internal static class TensorLayout
{
    /// <summary>The lowercase hex SHA-256 of <paramref name="network"/>'s tensor names and shapes.</summary>
    public static string Hash(INetwork network)
    {
        var lines = network.ParameterTensors.Cast<NamedTensor>().Concat(network.StateTensors)
            .Select(tensor => $"{tensor.Name} {TensorShapes.Describe(tensor.Shape)}\n");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(lines))));
    }
}
