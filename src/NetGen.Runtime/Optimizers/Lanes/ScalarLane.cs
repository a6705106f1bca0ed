using System;
using System.Runtime.CompilerServices;

namespace NetGen.Optimizers;

/// <summary>One float, for the elements after the last whole vector.</summary>
internal readonly unsafe struct ScalarLane(float value) : IFloatLanes<ScalarLane>
{
    public float Value { get; } = value;

    public static int Count => 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane Create(float value) => new(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane Load(float* source) => new(*source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(ScalarLane lanes, float* destination) => *destination = lanes.Value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane Sqrt(ScalarLane x) => new(MathF.Sqrt(x.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane Clamp(ScalarLane x, float min, float max) => new(Math.Clamp(x.Value, min, max));

    // Not MathF.Sign, which throws on NaN.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane Sign(ScalarLane x) => new(x.Value > 0f ? 1f : x.Value < 0f ? -1f : 0f);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane WherePositive(ScalarLane x, ScalarLane whenPositive, ScalarLane otherwise)
        => x.Value > 0f ? whenPositive : otherwise;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane WhereNegative(ScalarLane x, ScalarLane whenNegative, ScalarLane otherwise)
        => x.Value < 0f ? whenNegative : otherwise;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane FlushSubnormalsToZero(ScalarLane x)
        => MathF.Abs(x.Value) < FloatLanes.SmallestNormal ? default : x;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane FusedMultiplyAdd(ScalarLane left, float right, ScalarLane addend)
        => new(MathF.FusedMultiplyAdd(left.Value, right, addend.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane operator +(ScalarLane left, ScalarLane right) => new(left.Value + right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane operator +(ScalarLane left, float right) => new(left.Value + right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane operator -(ScalarLane left, ScalarLane right) => new(left.Value - right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane operator *(ScalarLane left, ScalarLane right) => new(left.Value * right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane operator *(ScalarLane left, float right) => new(left.Value * right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane operator *(float left, ScalarLane right) => new(left * right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane operator /(ScalarLane left, ScalarLane right) => new(left.Value / right.Value);
}
