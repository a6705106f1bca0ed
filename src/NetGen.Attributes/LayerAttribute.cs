using System;

namespace NetGen
{
    /// <summary>Base of every layer attribute.</summary>
    public abstract class LayerAttribute : Attribute
    {
        /// <summary>
        /// The layer's name, a C# identifier. It names the layer's constants in the generated code, its
        /// parameter tensors ("Hidden.Weight") and its entries in checkpoints. Default: the kind and its
        /// position among layers of that kind ("Dense1", "Dense2").
        /// </summary>
        public string? Name { get; set; }
    }
}
