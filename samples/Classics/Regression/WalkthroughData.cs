namespace NetGen.Samples.Classics.Regression;

/// <summary>
/// Twenty points of t = 2x + noise for the linear-regression walk-through. The lecture prints its 20 points from one
/// random draw and its walk-through (w 0.1 → 1.703317 → 1.928828 → 1.960546) from another, whose points it does not print.
/// Gradient descent on ξ(w) = Σ (t − wx)² sees the data only through Σx², Σxt and Σt², and the walk-through's seven printed
/// numbers fix those three sums (Σx² ≈ 8.593473, Σxt ≈ 16.892515, Σt² ≈ 33.454805). These points are the printed ones
/// rescaled to have them: x scaled by 1.1327, t = 1.965738·x plus the printed points' residuals scaled by 0.6525, then
/// rounded to float, a few moved by a float's last bit so that the sums land well inside the walk-through's rounding.
/// </summary>
public static class WalkthroughData
{
    /// <summary>The inputs x.</summary>
    public static float[] Inputs { get; } =
    [
        1.03757691f, 0.350639462f, 0.814929605f, 0.17023921f, 1.07888877f, 1.03113091f, 0.822314084f, 0.881660402f, 0.226307437f, 0.215209842f,
        0.0919198245f, 0.489570916f, 0.590633333f, 0.629788041f, 0.138129398f, 0.582350373f, 0.269847065f, 0.311277837f, 0.538838625f, 1.05389774f,
    ];

    /// <summary>The targets t.</summary>
    public static float[] Targets { get; } =
    [
        2.0692668f, 0.714428723f, 1.66250217f, 0.4175843f, 1.99421179f, 1.96749592f, 1.7614423f, 1.69481277f, 0.407827854f, 0.368554235f,
        0.294012904f, 0.878038168f, 1.20765066f, 1.40529108f, 0.312495232f, 1.09772694f, 0.661402404f, 0.271321744f, 1.02074301f, 2.11016464f,
    ];
}
