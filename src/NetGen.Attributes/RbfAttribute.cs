using System;

namespace NetGen
{
    /// <summary>
    /// A radial-basis-function layer: each of <see cref="Units"/> outputs is a Gaussian of the input's distance to a learned
    /// centre, φⱼ(x) = exp(−‖x − cⱼ‖² / (2σⱼ²)). The centres are shaped [units, inputs]; each unit learns its width as
    /// sⱼ = ln σⱼ, so σⱼ = exp(sⱼ) stays positive whatever the optimizer does. The output is φ itself, so it takes no activation.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class RbfAttribute : LayerAttribute
    {
        /// <summary>An RBF layer of <paramref name="units"/> Gaussian kernels.</summary>
        public RbfAttribute(int units)
        {
            Units = units;
        }

        /// <summary>The number of kernels (outputs).</summary>
        public int Units { get; }

        /// <summary>The width σ every kernel starts with (default 1; must be positive). The learned log-width starts at ln σ.</summary>
        public double Width { get; set; } = 1;
    }
}
