namespace NetGen.Optimizers;

/// <summary>
/// The per-step scalars of <see cref="Adam"/> and <see cref="AdamW"/>, the same on the CPU and the GPU.
/// </summary>
/// <param name="StepSize">η / (1−β1ᵗ): the learning rate with the first moment's bias correction.</param>
/// <param name="InverseSqrtSecondCorrection">1 / √(1−β2ᵗ): the second moment's bias correction, under the root.</param>
/// <param name="RetainedFraction">1 − η·λ for AdamW's decoupled decay, or exactly 1.</param>
internal readonly record struct AdamStepScalars(float StepSize, float InverseSqrtSecondCorrection, float RetainedFraction);
