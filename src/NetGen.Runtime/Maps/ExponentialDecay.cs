using System;

namespace NetGen.Maps;

/// <summary>A value falling exponentially from <c>initial</c> at step 0 to <c>final</c> at step <c>steps − 1</c>: initial·(final/initial)^(t/(steps − 1)).</summary>
internal readonly struct ExponentialDecay(float initial, float final, long steps)
{
    public float At(long step) =>
        steps <= 1 ? initial : (float)(initial * Math.Pow(final / (double)initial, step / (double)(steps - 1)));
}
