using System;

namespace NetGen.Samples.Classics.Regression;

/// <summary>How a fitted boundary compares with the best one for <see cref="TwoBlobs"/>.</summary>
public static class BoundaryGeometry
{
    /// <summary>The angle in degrees between the fitted w and the direction from centre 0 to centre 1.</summary>
    public static double AngleToBestDirection(LogisticResult result)
    {
        var (dx, dy) = (TwoBlobs.Center1.X1 - TwoBlobs.Center0.X1, TwoBlobs.Center1.X2 - TwoBlobs.Center0.X2);
        var cosine = ((result.Weight1 * dx) + (result.Weight2 * dy)) / (Math.Sqrt((result.Weight1 * result.Weight1) + (result.Weight2 * result.Weight2)) * Math.Sqrt((dx * dx) + (dy * dy)));
        return Math.Acos(Math.Clamp(cosine, -1, 1)) * 180 / Math.PI;
    }

    /// <summary>The signed distance from the midpoint of the centres to the fitted boundary; 0 for the best one.</summary>
    public static double MidpointDistance(LogisticResult result)
    {
        var (mx, my) = ((TwoBlobs.Center0.X1 + TwoBlobs.Center1.X1) / 2, (TwoBlobs.Center0.X2 + TwoBlobs.Center1.X2) / 2);
        return ((result.Weight1 * mx) + (result.Weight2 * my) + result.Bias) / Math.Sqrt((result.Weight1 * result.Weight1) + (result.Weight2 * result.Weight2));
    }
}
