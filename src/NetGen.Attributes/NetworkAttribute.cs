using System;

namespace NetGen
{
    /// <summary>
    /// Declares a network. Put it on a <c>partial</c> class together with one <see cref="InputAttribute"/>
    /// and layer attributes, top to bottom; the NetGen generator infers every shape at build time and
    /// emits the forward pass, the backward pass and the training step into the class.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class NetworkAttribute : Attribute
    {
        /// <summary>The loss the network is trained on (default <see cref="NetGen.Loss.MeanSquaredError"/>).</summary>
        public Loss Loss { get; set; } = Loss.MeanSquaredError;

        /// <summary>How the loss combines the samples of a batch (default the mean).</summary>
        public LossReduction Reduction { get; set; } = LossReduction.Mean;
    }
}
