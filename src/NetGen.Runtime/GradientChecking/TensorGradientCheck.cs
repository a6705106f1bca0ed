using System.Collections.Generic;

namespace NetGen;

/// <summary>The gradient check of one parameter tensor.</summary>
/// <param name="Tensor">The tensor checked.</param>
/// <param name="ElementsChecked">How many of its elements were probed: all, or a seeded sample of large tensors.</param>
/// <param name="Worst">The probed element with the largest relative error, kinks left out; null when every probed element sat on a kink.</param>
/// <param name="Kinks">The probed elements whose one-sided slopes disagree (no derivative there), with their errors.</param>
public sealed record TensorGradientCheck(
    ParameterTensor Tensor, int ElementsChecked, GradientCheckElement? Worst, IReadOnlyList<GradientCheckElement> Kinks)
{
    /// <summary>The largest relative error away from kinks (NaN when a value was not finite, 0 when nothing was compared).</summary>
    public double WorstRelativeError => Worst?.RelativeError ?? 0;
}
