using System;

namespace NetGen
{
    /// <summary>
    /// A 2-D convolution over channels × height × width samples: <c>filters</c> kernels of
    /// Kernel × Kernel × channels, moved by <see cref="Stride"/> over the input padded with
    /// <see cref="Padding"/> zeros on every side. Weights are shaped [filters, channels, kernel, kernel].
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class Conv2DAttribute : LayerAttribute
    {
        /// <summary>A convolution producing <paramref name="filters"/> output channels.</summary>
        public Conv2DAttribute(int filters) => Filters = filters;

        /// <summary>Output channels.</summary>
        public int Filters { get; }

        /// <summary>The kernel's height and width (default 3).</summary>
        public int Kernel { get; set; } = 3;

        /// <summary>The step between windows (default 1).</summary>
        public int Stride { get; set; } = 1;

        /// <summary>Zeros added on each side of the input (default 0).</summary>
        public int Padding { get; set; }

        /// <summary>The activation (default identity). Softmax and PReLU are dense-only.</summary>
        public Activation Activation { get; set; }

        /// <summary>α of <see cref="NetGen.Activation.LeakyReLU"/> (default 0.01) or <see cref="NetGen.Activation.ELU"/> (default 1).</summary>
        public double Alpha { get; set; }

        /// <summary>How the weights start (default: He for the ReLU family, Xavier otherwise).</summary>
        public Initializer Initializer { get; set; }

        /// <summary>Whether each filter adds a learned bias (default true).</summary>
        public bool Bias { get; set; } = true;
    }
}
