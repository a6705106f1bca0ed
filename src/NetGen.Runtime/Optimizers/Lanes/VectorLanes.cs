using System.Numerics;
using System.Runtime.CompilerServices;

namespace NetGen.Optimizers;

/// <summary>
/// <see cref="Vector{T}.Count"/> float lanes in a <see cref="Vector{T}"/> (8 with AVX, 4 with SSE or NEON); use only where
/// <see cref="Vector.IsHardwareAccelerated"/>.
/// </summary>
internal readonly unsafe struct VectorLanes(Vector<float> value) : IFloatLanes<VectorLanes>
{
    public Vector<float> Value { get; } = value;

    public static int Count => Vector<float>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLanes Create(float value) => new(Vector.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLanes Load(float* source) => new(Vector.Load(source));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(VectorLanes lanes, float* destination) => lanes.Value.Store(destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLanes Sqrt(VectorLanes x) => new(Vector.SquareRoot(x.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLanes Clamp(VectorLanes x, float min, float max)
        => new(Vector.Clamp(x.Value, Vector.Create(min), Vector.Create(max)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLanes Sign(VectorLanes x)
    {
        var one = Vector<float>.One;
        var positive = Vector.ConditionalSelect(Vector.GreaterThan(x.Value, Vector<float>.Zero), one, Vector<float>.Zero);
        var negative = Vector.ConditionalSelect(Vector.LessThan(x.Value, Vector<float>.Zero), one, Vector<float>.Zero);
        return new(positive - negative);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLanes WherePositive(VectorLanes x, VectorLanes whenPositive, VectorLanes otherwise)
        => new(Vector.ConditionalSelect(Vector.GreaterThan(x.Value, Vector<float>.Zero), whenPositive.Value, otherwise.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLanes WhereNegative(VectorLanes x, VectorLanes whenNegative, VectorLanes otherwise)
        => new(Vector.ConditionalSelect(Vector.LessThan(x.Value, Vector<float>.Zero), whenNegative.Value, otherwise.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLanes FlushSubnormalsToZero(VectorLanes x)
    {
        var subnormal = Vector.LessThan(Vector.Abs(x.Value), Vector.Create(FloatLanes.SmallestNormal));
        return new(Vector.ConditionalSelect(subnormal, Vector<float>.Zero, x.Value));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLanes FusedMultiplyAdd(VectorLanes left, float right, VectorLanes addend)
        => new(Vector.FusedMultiplyAdd(left.Value, Vector.Create(right), addend.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLanes operator +(VectorLanes left, VectorLanes right) => new(left.Value + right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLanes operator +(VectorLanes left, float right) => new(left.Value + Vector.Create(right));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLanes operator -(VectorLanes left, VectorLanes right) => new(left.Value - right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLanes operator *(VectorLanes left, VectorLanes right) => new(left.Value * right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLanes operator *(VectorLanes left, float right) => new(left.Value * right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLanes operator *(float left, VectorLanes right) => new(left * right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLanes operator /(VectorLanes left, VectorLanes right) => new(left.Value / right.Value);
}
