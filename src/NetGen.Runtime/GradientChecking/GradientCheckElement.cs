using System.Collections.Generic;
using System.Globalization;

namespace NetGen;

/// <summary>One parameter as the gradient check saw it: its analytic gradient beside the central difference of the loss.</summary>
/// <param name="Tensor">The parameter tensor holding the element.</param>
/// <param name="Index">The element's index within <paramref name="Tensor"/> (row-major).</param>
/// <param name="Coordinates">The element's index along each of the tensor's dimensions, outermost first.</param>
/// <param name="Analytic">∂L/∂θ as the network's backward pass computed it.</param>
/// <param name="Numeric">(L(θ + h) − L(θ − h)) / 2h, computed in double from the float losses.</param>
/// <param name="RelativeError">|Analytic − Numeric| / max(|Analytic|, |Numeric|, floor); NaN when either is not finite.</param>
/// <param name="AtKink">Whether the one-sided slopes disagree, so that the loss has no derivative here to compare with.</param>
public sealed record GradientCheckElement(
    ParameterTensor Tensor, int Index, IReadOnlyList<int> Coordinates, double Analytic, double Numeric, double RelativeError, bool AtKink)
{
    /// <summary>"Hidden.Weight[3, 1]".</summary>
    public string Position => $"{Tensor.Name}[{string.Join(", ", Coordinates)}]";

    /// <summary>"Hidden.Weight[3, 1]: analytic 0.0123, numeric 0.0125, relative error 0.016".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Position}: analytic {Analytic:G6}, numeric {Numeric:G6}, relative error {RelativeError:G3}{(AtKink ? " (at a kink)" : "")}");
}
