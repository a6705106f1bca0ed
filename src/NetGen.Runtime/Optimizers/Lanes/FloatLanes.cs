namespace NetGen.Optimizers;

/// <summary>Constants shared by the <see cref="IFloatLanes{TSelf}"/> implementations.</summary>
internal static class FloatLanes
{
    /// <summary>2⁻¹²⁶, the smallest positive normal float.</summary>
    public const float SmallestNormal = 1.17549435e-38f;
}
