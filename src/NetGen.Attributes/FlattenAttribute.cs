using System;

namespace NetGen
{
    /// <summary>Views a multi-dimensional sample as a vector (no copy, no parameters).</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class FlattenAttribute : LayerAttribute
    {
    }
}
