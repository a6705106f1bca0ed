using NetGen;

namespace NetGen.Samples.BrokenNetworks;

/// <summary>A warning: layers without [Network] generate nothing, and the class would be silently ignored.</summary>
[Input(2)]
[Dense(1)]
public partial class ForgottenNet; // expect NG0025
