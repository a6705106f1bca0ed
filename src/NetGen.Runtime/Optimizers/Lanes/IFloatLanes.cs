namespace NetGen.Optimizers;

/// <summary>
/// A group of float lanes that one update formula is written over once: 16 (<see cref="Vector512Lanes"/>),
/// <see cref="System.Numerics.Vector{T}.Count"/> (<see cref="VectorLanes"/>) or 1 (<see cref="ScalarLane"/>, for the
/// tail). Every operation is the correctly rounded IEEE one in each lane, and only <see cref="FusedMultiplyAdd"/> is
/// fused (in every group alike), so a lane's result is the same bits whatever the group.
/// </summary>
/// <remarks>
/// <c>System.Runtime.Intrinsics.ISimdVector</c> would serve, but it is not public in .NET 10.
/// </remarks>
internal unsafe interface IFloatLanes<TSelf>
    where TSelf : struct, IFloatLanes<TSelf>
{
    /// <summary>How many floats the group holds.</summary>
    static abstract int Count { get; }

    /// <summary>A group with <paramref name="value"/> in every lane.</summary>
    static abstract TSelf Create(float value);

    static abstract TSelf Load(float* source);

    static abstract void Store(TSelf lanes, float* destination);

    static abstract TSelf Sqrt(TSelf x);

    /// <summary>Each lane clamped to [<paramref name="min"/>, <paramref name="max"/>]; NaN stays NaN.</summary>
    static abstract TSelf Clamp(TSelf x, float min, float max);

    /// <summary>Each lane's sign: +1 above zero, −1 below, 0 for ±0 and NaN.</summary>
    static abstract TSelf Sign(TSelf x);

    /// <summary>
    /// Each lane of <paramref name="whenPositive"/> where <paramref name="x"/> is above zero, else of
    /// <paramref name="otherwise"/> (for ±0 and NaN too).
    /// </summary>
    static abstract TSelf WherePositive(TSelf x, TSelf whenPositive, TSelf otherwise);

    /// <summary>
    /// Each lane of <paramref name="whenNegative"/> where <paramref name="x"/> is below zero, else of
    /// <paramref name="otherwise"/> (for ±0 and NaN too).
    /// </summary>
    static abstract TSelf WhereNegative(TSelf x, TSelf whenNegative, TSelf otherwise);

    /// <summary>Each lane whose magnitude is below the smallest normal float replaced by +0.</summary>
    static abstract TSelf FlushSubnormalsToZero(TSelf x);

    /// <summary>left·right + addend in each lane, rounded once.</summary>
    static abstract TSelf FusedMultiplyAdd(TSelf left, float right, TSelf addend);

    static abstract TSelf operator +(TSelf left, TSelf right);

    static abstract TSelf operator +(TSelf left, float right);

    static abstract TSelf operator -(TSelf left, TSelf right);

    static abstract TSelf operator *(TSelf left, TSelf right);

    static abstract TSelf operator *(TSelf left, float right);

    static abstract TSelf operator *(float left, TSelf right);

    static abstract TSelf operator /(TSelf left, TSelf right);
}
