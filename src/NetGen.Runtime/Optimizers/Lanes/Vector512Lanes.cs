using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Optimizers;

/// <summary>
/// 16 float lanes in a <see cref="Vector512{T}"/>; use only where <see cref="Vector512.IsHardwareAccelerated"/>.
/// </summary>
internal readonly unsafe struct Vector512Lanes(Vector512<float> value) : IFloatLanes<Vector512Lanes>
{
    public Vector512<float> Value { get; } = value;

    public static int Count => Vector512<float>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lanes Create(float value) => new(Vector512.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lanes Load(float* source) => new(Vector512.Load(source));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector512Lanes lanes, float* destination) => lanes.Value.Store(destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lanes Sqrt(Vector512Lanes x) => new(Vector512.Sqrt(x.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lanes Clamp(Vector512Lanes x, float min, float max)
        => new(Vector512.Clamp(x.Value, Vector512.Create(min), Vector512.Create(max)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lanes Sign(Vector512Lanes x)
    {
        var one = Vector512<float>.One;
        var positive = Vector512.ConditionalSelect(Vector512.GreaterThan(x.Value, Vector512<float>.Zero), one, Vector512<float>.Zero);
        var negative = Vector512.ConditionalSelect(Vector512.LessThan(x.Value, Vector512<float>.Zero), one, Vector512<float>.Zero);
        return new(positive - negative);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lanes WherePositive(Vector512Lanes x, Vector512Lanes whenPositive, Vector512Lanes otherwise)
        => new(Vector512.ConditionalSelect(Vector512.GreaterThan(x.Value, Vector512<float>.Zero), whenPositive.Value, otherwise.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lanes WhereNegative(Vector512Lanes x, Vector512Lanes whenNegative, Vector512Lanes otherwise)
        => new(Vector512.ConditionalSelect(Vector512.LessThan(x.Value, Vector512<float>.Zero), whenNegative.Value, otherwise.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lanes FlushSubnormalsToZero(Vector512Lanes x)
    {
        var subnormal = Vector512.LessThan(Vector512.Abs(x.Value), Vector512.Create(FloatLanes.SmallestNormal));
        return new(Vector512.ConditionalSelect(subnormal, Vector512<float>.Zero, x.Value));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lanes FusedMultiplyAdd(Vector512Lanes left, float right, Vector512Lanes addend)
        => new(Vector512.FusedMultiplyAdd(left.Value, Vector512.Create(right), addend.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lanes operator +(Vector512Lanes left, Vector512Lanes right) => new(left.Value + right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lanes operator +(Vector512Lanes left, float right) => new(left.Value + Vector512.Create(right));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lanes operator -(Vector512Lanes left, Vector512Lanes right) => new(left.Value - right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lanes operator *(Vector512Lanes left, Vector512Lanes right) => new(left.Value * right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lanes operator *(Vector512Lanes left, float right) => new(left.Value * right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lanes operator *(float left, Vector512Lanes right) => new(left * right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lanes operator /(Vector512Lanes left, Vector512Lanes right) => new(left.Value / right.Value);
}
