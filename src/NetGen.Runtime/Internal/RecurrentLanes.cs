using System;
using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Internal;

/// <summary>
/// The arithmetic of the recurrent cells' element-wise passes over one or more adjacent units at once, so that each cell
/// writes its formulas once: <see cref="Vector512Lanes"/> runs them over 16 units where 512-bit vectors are fast,
/// <see cref="VectorLanes"/> over a <see cref="Vector{T}"/> of units, and <see cref="ScalarLane"/> over the units left at
/// the end of a row. The JIT specialises each pass per lane type. Both vector types compute the same formulas, so each
/// unit's result does not depend on which of them handled it.
/// </summary>
internal unsafe interface ILanes<TSelf>
    where TSelf : struct, ILanes<TSelf>
{
    /// <summary>Units handled at once.</summary>
    static abstract int Count { get; }

    static abstract TSelf Zero { get; }

    static abstract TSelf One { get; }

    static abstract TSelf Load(float* source);

    static abstract void Store(TSelf value, float* destination);

    static abstract TSelf operator +(TSelf left, TSelf right);

    static abstract TSelf operator -(TSelf left, TSelf right);

    static abstract TSelf operator *(TSelf left, TSelf right);

    /// <summary>σ(x) = 1 / (1 + e^−x).</summary>
    static abstract TSelf Sigmoid(TSelf x);

    static abstract TSelf Tanh(TSelf x);

    /// <summary>Whether <see cref="Activate"/> and <see cref="Derivative"/> handle <typeparamref name="TActivation"/>.</summary>
    static abstract bool Supports<TActivation>()
        where TActivation : struct, IActivation;

    /// <summary>f(z).</summary>
    static abstract TSelf Activate<TActivation>(TSelf z, TActivation activation)
        where TActivation : struct, IActivation;

    /// <summary>f'(z) given z and a = f(z).</summary>
    static abstract TSelf Derivative<TActivation>(TSelf z, TSelf a, TActivation activation)
        where TActivation : struct, IActivation;
}

/// <summary>One unit at a time, through the scalar activations; any <see cref="IActivation"/>.</summary>
internal readonly unsafe struct ScalarLane(float value) : ILanes<ScalarLane>
{
    private readonly float _value = value;

    public static int Count => 1;

    public static ScalarLane Zero => new(0f);

    public static ScalarLane One => new(1f);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane Load(float* source) => new(*source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(ScalarLane value, float* destination) => *destination = value._value;

    public static ScalarLane operator +(ScalarLane left, ScalarLane right) => new(left._value + right._value);

    public static ScalarLane operator -(ScalarLane left, ScalarLane right) => new(left._value - right._value);

    public static ScalarLane operator *(ScalarLane left, ScalarLane right) => new(left._value * right._value);

    public static ScalarLane Sigmoid(ScalarLane x) => new(SigmoidActivation.Sigmoid(x._value));

    public static ScalarLane Tanh(ScalarLane x) => new(MathF.Tanh(x._value));

    public static bool Supports<TActivation>()
        where TActivation : struct, IActivation => true;

    public static ScalarLane Activate<TActivation>(ScalarLane z, TActivation activation)
        where TActivation : struct, IActivation => new(activation.Apply(z._value));

    public static ScalarLane Derivative<TActivation>(ScalarLane z, ScalarLane a, TActivation activation)
        where TActivation : struct, IActivation => new(activation.Derivative(z._value, a._value));
}

/// <summary>
/// <see cref="Vector{T}.Count"/> units at a time, with exp-based σ and tanh accurate to a few units in the last place
/// (at most 2e-7 relative; where σ(x) underflows, below x = −87, within 1e-38), NaN in, NaN out; the activations tanh,
/// σ, identity, ReLU, ELU, SoftPlus (ln by Cephes' logf) and arctan (Cephes' atanf).
/// </summary>
internal readonly unsafe struct VectorLanes(Vector<float> value) : ILanes<VectorLanes>
{
    private readonly Vector<float> _value = value;

    public static int Count => Vector<float>.Count;

    public static VectorLanes Zero => new(Vector<float>.Zero);

    public static VectorLanes One => new(Vector<float>.One);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLanes Load(float* source) => new(Vector.Load(source));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(VectorLanes value, float* destination) => Vector.Store(value._value, destination);

    public static VectorLanes operator +(VectorLanes left, VectorLanes right) => new(left._value + right._value);

    public static VectorLanes operator -(VectorLanes left, VectorLanes right) => new(left._value - right._value);

    public static VectorLanes operator *(VectorLanes left, VectorLanes right) => new(left._value * right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLanes Sigmoid(VectorLanes x) => new(Vector<float>.One / (Vector<float>.One + Exp(-x._value)));

    /// <summary>
    /// tanh x: x + x³·P(x²) below |x| = 0.625, where 1 − 2/(e^{2|x|} + 1) would lose digits to cancellation, and that
    /// with the sign of x above (the polynomial of Cephes' tanhf).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLanes Tanh(VectorLanes x)
    {
        var value = x._value;
        var magnitude = Vector.Abs(value);
        var large = Vector<float>.One - (new Vector<float>(2f) / (Exp(magnitude + magnitude) + Vector<float>.One));
        var square = value * value;
        var polynomial = Vector.FusedMultiplyAdd(new Vector<float>(-5.70498872745E-3f), square, new Vector<float>(2.06390887954E-2f));
        polynomial = Vector.FusedMultiplyAdd(polynomial, square, new Vector<float>(-5.37397155531E-2f));
        polynomial = Vector.FusedMultiplyAdd(polynomial, square, new Vector<float>(1.33314422036E-1f));
        polynomial = Vector.FusedMultiplyAdd(polynomial, square, new Vector<float>(-3.33332819422E-1f));
        var small = Vector.FusedMultiplyAdd(polynomial * square, value, value);
        var signed = Vector.ConditionalSelect(Vector.AsVectorSingle(new Vector<int>(int.MinValue)), value, large);
        return new(Vector.ConditionalSelect(Vector.LessThan(magnitude, new Vector<float>(0.625f)), small, signed));
    }

    public static bool Supports<TActivation>()
        where TActivation : struct, IActivation =>
        typeof(TActivation) == typeof(TanhActivation) || typeof(TActivation) == typeof(SigmoidActivation)
        || typeof(TActivation) == typeof(IdentityActivation) || typeof(TActivation) == typeof(ReluActivation)
        || typeof(TActivation) == typeof(EluActivation) || typeof(TActivation) == typeof(SoftPlusActivation)
        || typeof(TActivation) == typeof(ArcTanActivation);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLanes Activate<TActivation>(VectorLanes z, TActivation activation)
        where TActivation : struct, IActivation
    {
        if (typeof(TActivation) == typeof(TanhActivation))
        {
            return Tanh(z);
        }

        if (typeof(TActivation) == typeof(SigmoidActivation))
        {
            return Sigmoid(z);
        }

        if (typeof(TActivation) == typeof(ReluActivation))
        {
            return new(Vector.Max(z._value, Vector<float>.Zero));
        }

        if (typeof(TActivation) == typeof(EluActivation))
        {
            var alpha = new Vector<float>(Unsafe.As<TActivation, EluActivation>(ref activation).Alpha);
            return new(Vector.ConditionalSelect(Vector.GreaterThan(z._value, Vector<float>.Zero), z._value, alpha * (Exp(z._value) - Vector<float>.One)));
        }

        if (typeof(TActivation) == typeof(SoftPlusActivation))
        {
            return new(Vector.Max(z._value, Vector<float>.Zero) + Log(Vector<float>.One + Exp(-Vector.Abs(z._value))));
        }

        if (typeof(TActivation) == typeof(ArcTanActivation))
        {
            return new(ArcTan(z._value));
        }

        Debug.Assert(typeof(TActivation) == typeof(IdentityActivation), "Supports<TActivation>() is checked first.");
        return z;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLanes Derivative<TActivation>(VectorLanes z, VectorLanes a, TActivation activation)
        where TActivation : struct, IActivation
    {
        if (typeof(TActivation) == typeof(TanhActivation))
        {
            return One - (a * a);
        }

        if (typeof(TActivation) == typeof(SigmoidActivation))
        {
            return a * (One - a);
        }

        if (typeof(TActivation) == typeof(ReluActivation))
        {
            return new(Vector.ConditionalSelect(Vector.GreaterThan(z._value, Vector<float>.Zero), Vector<float>.One, Vector<float>.Zero));
        }

        if (typeof(TActivation) == typeof(EluActivation))
        {
            var alpha = new VectorLanes(new Vector<float>(Unsafe.As<TActivation, EluActivation>(ref activation).Alpha));
            return new(Vector.ConditionalSelect(Vector.GreaterThan(z._value, Vector<float>.Zero), Vector<float>.One, (a + alpha)._value));
        }

        if (typeof(TActivation) == typeof(SoftPlusActivation))
        {
            return Sigmoid(z);
        }

        if (typeof(TActivation) == typeof(ArcTanActivation))
        {
            return new(Vector<float>.One / (Vector<float>.One + (z._value * z._value)));
        }

        Debug.Assert(typeof(TActivation) == typeof(IdentityActivation), "Supports<TActivation>() is checked first.");
        return One;
    }

    /// <summary>atan x by Cephes' atanf: |x| reduced below tan(π/8) through atan x = π/4 + atan((x − 1)/(x + 1)) or
    /// π/2 − atan(1/x), then an odd polynomial; the sign of x put back.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> ArcTan(Vector<float> x)
    {
        var magnitude = Vector.Abs(x);
        var beyondThreeEighths = Vector.GreaterThan(magnitude, new Vector<float>(2.414213562373095f));
        var beyondOneEighth = Vector.GreaterThan(magnitude, new Vector<float>(0.4142135623730950f));
        var reduced = Vector.ConditionalSelect(beyondThreeEighths, -Vector<float>.One / magnitude,
            Vector.ConditionalSelect(beyondOneEighth, (magnitude - Vector<float>.One) / (magnitude + Vector<float>.One), magnitude));
        var offset = Vector.ConditionalSelect(beyondThreeEighths, new Vector<float>(1.5707963267948966f),
            Vector.ConditionalSelect(beyondOneEighth, new Vector<float>(0.7853981633974483f), Vector<float>.Zero));
        var square = reduced * reduced;
        var polynomial = Vector.FusedMultiplyAdd(new Vector<float>(8.05374449538e-2f), square, new Vector<float>(-1.38776856032E-1f));
        polynomial = Vector.FusedMultiplyAdd(polynomial, square, new Vector<float>(1.99777106478E-1f));
        polynomial = Vector.FusedMultiplyAdd(polynomial, square, new Vector<float>(-3.33329491539E-1f));
        var result = offset + Vector.FusedMultiplyAdd(polynomial * square, reduced, reduced);
        return Vector.ConditionalSelect(Vector.AsVectorSingle(new Vector<int>(int.MinValue)), x, result);
    }

    /// <summary>ln x for positive normal x by Cephes' logf: x = m·2ᵉ with m in [√½, √2), ln m by a polynomial in m − 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> Log(Vector<float> x)
    {
        var bits = Vector.AsVectorInt32(x);
        var exponent = Vector.ConvertToSingle(Vector.ShiftRightArithmetic(bits, 23) - new Vector<int>(127));
        var mantissa = Vector.AsVectorSingle((bits & new Vector<int>(0x007FFFFF)) | new Vector<int>(0x3F800000));
        var high = Vector.GreaterThan(mantissa, new Vector<float>(1.41421356237f));
        mantissa = Vector.ConditionalSelect(high, mantissa * new Vector<float>(0.5f), mantissa);
        exponent = Vector.ConditionalSelect(high, exponent + Vector<float>.One, exponent);
        var m = mantissa - Vector<float>.One;
        var square = m * m;
        var polynomial = Vector.FusedMultiplyAdd(new Vector<float>(7.0376836292E-2f), m, new Vector<float>(-1.1514610310E-1f));
        polynomial = Vector.FusedMultiplyAdd(polynomial, m, new Vector<float>(1.1676998740E-1f));
        polynomial = Vector.FusedMultiplyAdd(polynomial, m, new Vector<float>(-1.2420140846E-1f));
        polynomial = Vector.FusedMultiplyAdd(polynomial, m, new Vector<float>(1.4249322787E-1f));
        polynomial = Vector.FusedMultiplyAdd(polynomial, m, new Vector<float>(-1.6668057665E-1f));
        polynomial = Vector.FusedMultiplyAdd(polynomial, m, new Vector<float>(2.0000714765E-1f));
        polynomial = Vector.FusedMultiplyAdd(polynomial, m, new Vector<float>(-2.4999993993E-1f));
        polynomial = Vector.FusedMultiplyAdd(polynomial, m, new Vector<float>(3.3333331174E-1f));
        var y = polynomial * square * m;
        y = Vector.FusedMultiplyAdd(exponent, new Vector<float>(-2.12194440e-4f), y);
        y = Vector.FusedMultiplyAdd(square, new Vector<float>(-0.5f), y);
        return Vector.FusedMultiplyAdd(exponent, new Vector<float>(0.693359375f), m + y);
    }

    /// <summary>
    /// e^x to about 1e-7 relative: x = n·ln 2 + r with |r| ≤ ln 2 / 2, e^r by Cephes' expf polynomial, 2ⁿ built in the
    /// exponent bits. x is clamped to [−87.3, 88], where 2ⁿ is a normal float, so the result is never infinite.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> Exp(Vector<float> x)
    {
        x = Vector.Min(Vector.Max(x, new Vector<float>(-87.3f)), new Vector<float>(88f));
        var n = Vector.Round(x * new Vector<float>(1.44269504088896341f));
        // ln 2 split in two, so that n·ln2_hi is exact.
        var r = Vector.FusedMultiplyAdd(n, new Vector<float>(-0.693359375f), x);
        r = Vector.FusedMultiplyAdd(n, new Vector<float>(2.12194440e-4f), r);
        var p = Vector.FusedMultiplyAdd(new Vector<float>(1.9875691500E-4f), r, new Vector<float>(1.3981999507E-3f));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<float>(8.3334519073E-3f));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<float>(4.1665795894E-2f));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<float>(1.6666665459E-1f));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<float>(5.0000001201E-1f));
        p = Vector.FusedMultiplyAdd(p, r * r, r + Vector<float>.One);
        var scale = Vector.AsVectorSingle(Vector.ShiftLeft(Vector.ConvertToInt32(n) + new Vector<int>(127), 23));
        return p * scale;
    }
}

/// <summary>16 units at a time in a <see cref="Vector512{T}"/>: <see cref="Vector512Lanes"/>' formulas, for machines where
/// <see cref="Vector512.IsHardwareAccelerated"/>.</summary>
internal readonly unsafe struct Vector512Lanes(Vector512<float> value) : ILanes<Vector512Lanes>
{
    private readonly Vector512<float> _value = value;

    public static int Count => Vector512<float>.Count;

    public static Vector512Lanes Zero => new(Vector512<float>.Zero);

    public static Vector512Lanes One => new(Vector512<float>.One);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lanes Load(float* source) => new(Vector512.Load(source));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector512Lanes value, float* destination) => Vector512.Store(value._value, destination);

    public static Vector512Lanes operator +(Vector512Lanes left, Vector512Lanes right) => new(left._value + right._value);

    public static Vector512Lanes operator -(Vector512Lanes left, Vector512Lanes right) => new(left._value - right._value);

    public static Vector512Lanes operator *(Vector512Lanes left, Vector512Lanes right) => new(left._value * right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lanes Sigmoid(Vector512Lanes x) => new(Vector512<float>.One / (Vector512<float>.One + Exp(-x._value)));

    /// <summary>
    /// tanh x: x + x³·P(x²) below |x| = 0.625, where 1 − 2/(e^{2|x|} + 1) would lose digits to cancellation, and that
    /// with the sign of x above (the polynomial of Cephes' tanhf).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lanes Tanh(Vector512Lanes x)
    {
        var value = x._value;
        var magnitude = Vector512.Abs(value);
        var large = Vector512<float>.One - (Vector512.Create(2f) / (Exp(magnitude + magnitude) + Vector512<float>.One));
        var square = value * value;
        var polynomial = Vector512.FusedMultiplyAdd(Vector512.Create(-5.70498872745E-3f), square, Vector512.Create(2.06390887954E-2f));
        polynomial = Vector512.FusedMultiplyAdd(polynomial, square, Vector512.Create(-5.37397155531E-2f));
        polynomial = Vector512.FusedMultiplyAdd(polynomial, square, Vector512.Create(1.33314422036E-1f));
        polynomial = Vector512.FusedMultiplyAdd(polynomial, square, Vector512.Create(-3.33332819422E-1f));
        var small = Vector512.FusedMultiplyAdd(polynomial * square, value, value);
        var signed = Vector512.ConditionalSelect(Vector512.AsSingle(Vector512.Create(int.MinValue)), value, large);
        return new(Vector512.ConditionalSelect(Vector512.LessThan(magnitude, Vector512.Create(0.625f)), small, signed));
    }

    public static bool Supports<TActivation>()
        where TActivation : struct, IActivation =>
        typeof(TActivation) == typeof(TanhActivation) || typeof(TActivation) == typeof(SigmoidActivation)
        || typeof(TActivation) == typeof(IdentityActivation) || typeof(TActivation) == typeof(ReluActivation)
        || typeof(TActivation) == typeof(EluActivation) || typeof(TActivation) == typeof(SoftPlusActivation)
        || typeof(TActivation) == typeof(ArcTanActivation);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lanes Activate<TActivation>(Vector512Lanes z, TActivation activation)
        where TActivation : struct, IActivation
    {
        if (typeof(TActivation) == typeof(TanhActivation))
        {
            return Tanh(z);
        }

        if (typeof(TActivation) == typeof(SigmoidActivation))
        {
            return Sigmoid(z);
        }

        if (typeof(TActivation) == typeof(ReluActivation))
        {
            return new(Vector512.Max(z._value, Vector512<float>.Zero));
        }

        if (typeof(TActivation) == typeof(EluActivation))
        {
            var alpha = Vector512.Create(Unsafe.As<TActivation, EluActivation>(ref activation).Alpha);
            return new(Vector512.ConditionalSelect(Vector512.GreaterThan(z._value, Vector512<float>.Zero), z._value, alpha * (Exp(z._value) - Vector512<float>.One)));
        }

        if (typeof(TActivation) == typeof(SoftPlusActivation))
        {
            return new(Vector512.Max(z._value, Vector512<float>.Zero) + Log(Vector512<float>.One + Exp(-Vector512.Abs(z._value))));
        }

        if (typeof(TActivation) == typeof(ArcTanActivation))
        {
            return new(ArcTan(z._value));
        }

        Debug.Assert(typeof(TActivation) == typeof(IdentityActivation), "Supports<TActivation>() is checked first.");
        return z;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lanes Derivative<TActivation>(Vector512Lanes z, Vector512Lanes a, TActivation activation)
        where TActivation : struct, IActivation
    {
        if (typeof(TActivation) == typeof(TanhActivation))
        {
            return One - (a * a);
        }

        if (typeof(TActivation) == typeof(SigmoidActivation))
        {
            return a * (One - a);
        }

        if (typeof(TActivation) == typeof(ReluActivation))
        {
            return new(Vector512.ConditionalSelect(Vector512.GreaterThan(z._value, Vector512<float>.Zero), Vector512<float>.One, Vector512<float>.Zero));
        }

        if (typeof(TActivation) == typeof(EluActivation))
        {
            var alpha = new Vector512Lanes(Vector512.Create(Unsafe.As<TActivation, EluActivation>(ref activation).Alpha));
            return new(Vector512.ConditionalSelect(Vector512.GreaterThan(z._value, Vector512<float>.Zero), Vector512<float>.One, (a + alpha)._value));
        }

        if (typeof(TActivation) == typeof(SoftPlusActivation))
        {
            return Sigmoid(z);
        }

        if (typeof(TActivation) == typeof(ArcTanActivation))
        {
            return new(Vector512<float>.One / (Vector512<float>.One + (z._value * z._value)));
        }

        Debug.Assert(typeof(TActivation) == typeof(IdentityActivation), "Supports<TActivation>() is checked first.");
        return One;
    }

    /// <summary>atan x by Cephes' atanf: |x| reduced below tan(π/8) through atan x = π/4 + atan((x − 1)/(x + 1)) or
    /// π/2 − atan(1/x), then an odd polynomial; the sign of x put back.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> ArcTan(Vector512<float> x)
    {
        var magnitude = Vector512.Abs(x);
        var beyondThreeEighths = Vector512.GreaterThan(magnitude, Vector512.Create(2.414213562373095f));
        var beyondOneEighth = Vector512.GreaterThan(magnitude, Vector512.Create(0.4142135623730950f));
        var reduced = Vector512.ConditionalSelect(beyondThreeEighths, -Vector512<float>.One / magnitude,
            Vector512.ConditionalSelect(beyondOneEighth, (magnitude - Vector512<float>.One) / (magnitude + Vector512<float>.One), magnitude));
        var offset = Vector512.ConditionalSelect(beyondThreeEighths, Vector512.Create(1.5707963267948966f),
            Vector512.ConditionalSelect(beyondOneEighth, Vector512.Create(0.7853981633974483f), Vector512<float>.Zero));
        var square = reduced * reduced;
        var polynomial = Vector512.FusedMultiplyAdd(Vector512.Create(8.05374449538e-2f), square, Vector512.Create(-1.38776856032E-1f));
        polynomial = Vector512.FusedMultiplyAdd(polynomial, square, Vector512.Create(1.99777106478E-1f));
        polynomial = Vector512.FusedMultiplyAdd(polynomial, square, Vector512.Create(-3.33329491539E-1f));
        var result = offset + Vector512.FusedMultiplyAdd(polynomial * square, reduced, reduced);
        return Vector512.ConditionalSelect(Vector512.AsSingle(Vector512.Create(int.MinValue)), x, result);
    }

    /// <summary>ln x for positive normal x by Cephes' logf: x = m·2ᵉ with m in [√½, √2), ln m by a polynomial in m − 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Log(Vector512<float> x)
    {
        var bits = Vector512.AsInt32(x);
        var exponent = Vector512.ConvertToSingle(Vector512.ShiftRightArithmetic(bits, 23) - Vector512.Create(127));
        var mantissa = Vector512.AsSingle((bits & Vector512.Create(0x007FFFFF)) | Vector512.Create(0x3F800000));
        var high = Vector512.GreaterThan(mantissa, Vector512.Create(1.41421356237f));
        mantissa = Vector512.ConditionalSelect(high, mantissa * Vector512.Create(0.5f), mantissa);
        exponent = Vector512.ConditionalSelect(high, exponent + Vector512<float>.One, exponent);
        var m = mantissa - Vector512<float>.One;
        var square = m * m;
        var polynomial = Vector512.FusedMultiplyAdd(Vector512.Create(7.0376836292E-2f), m, Vector512.Create(-1.1514610310E-1f));
        polynomial = Vector512.FusedMultiplyAdd(polynomial, m, Vector512.Create(1.1676998740E-1f));
        polynomial = Vector512.FusedMultiplyAdd(polynomial, m, Vector512.Create(-1.2420140846E-1f));
        polynomial = Vector512.FusedMultiplyAdd(polynomial, m, Vector512.Create(1.4249322787E-1f));
        polynomial = Vector512.FusedMultiplyAdd(polynomial, m, Vector512.Create(-1.6668057665E-1f));
        polynomial = Vector512.FusedMultiplyAdd(polynomial, m, Vector512.Create(2.0000714765E-1f));
        polynomial = Vector512.FusedMultiplyAdd(polynomial, m, Vector512.Create(-2.4999993993E-1f));
        polynomial = Vector512.FusedMultiplyAdd(polynomial, m, Vector512.Create(3.3333331174E-1f));
        var y = polynomial * square * m;
        y = Vector512.FusedMultiplyAdd(exponent, Vector512.Create(-2.12194440e-4f), y);
        y = Vector512.FusedMultiplyAdd(square, Vector512.Create(-0.5f), y);
        return Vector512.FusedMultiplyAdd(exponent, Vector512.Create(0.693359375f), m + y);
    }

    /// <summary>
    /// e^x to about 1e-7 relative: x = n·ln 2 + r with |r| ≤ ln 2 / 2, e^r by Cephes' expf polynomial, 2ⁿ built in the
    /// exponent bits. x is clamped to [−87.3, 88], where 2ⁿ is a normal float, so the result is never infinite.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Exp(Vector512<float> x)
    {
        x = Vector512.Min(Vector512.Max(x, Vector512.Create(-87.3f)), Vector512.Create(88f));
        var n = Vector512.Round(x * Vector512.Create(1.44269504088896341f));
        // ln 2 split in two, so that n·ln2_hi is exact.
        var r = Vector512.FusedMultiplyAdd(n, Vector512.Create(-0.693359375f), x);
        r = Vector512.FusedMultiplyAdd(n, Vector512.Create(2.12194440e-4f), r);
        var p = Vector512.FusedMultiplyAdd(Vector512.Create(1.9875691500E-4f), r, Vector512.Create(1.3981999507E-3f));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(8.3334519073E-3f));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(4.1665795894E-2f));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.6666665459E-1f));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(5.0000001201E-1f));
        p = Vector512.FusedMultiplyAdd(p, r * r, r + Vector512<float>.One);
        var scale = Vector512.AsSingle(Vector512.ShiftLeft(Vector512.ConvertToInt32(n) + Vector512.Create(127), 23));
        return p * scale;
    }
}
