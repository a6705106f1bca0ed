using NetGen;

namespace NetGen.Samples.BrokenNetworks;

/// <summary>A valid network: 2 floats in, 1 out.</summary>
[Network]
[Input(2)]
[Dense(1)]
public partial class PairNet;

/// <summary>A call whose buffer length the build knows.</summary>
internal static class PairNetCalls
{
    /// <summary>A warning: 3 floats are not one sample of 2. The call still compiles.</summary>
    internal static float[] PredictThree(PairNet network) => network.Predict(new float[3]); // expect NG0021
}
