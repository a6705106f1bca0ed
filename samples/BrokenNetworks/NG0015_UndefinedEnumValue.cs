using NetGen;

namespace NetGen.Samples.BrokenNetworks;

/// <summary>A cast makes any integer an Activation; NetGen knows only the declared members.</summary>
[Network]
[Input(784)]
[Dense(10, Activation = (Activation)99)] // expect NG0015
public partial class UndefinedActivationNet;
