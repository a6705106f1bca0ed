namespace NetGen.Maps;

/// <summary>One epoch of <see cref="SelfOrganizingMap.Train"/>: the map's errors on the training samples after it.</summary>
/// <param name="Epoch">The epoch, from 1.</param>
/// <param name="LearningRate">η at the epoch's last step.</param>
/// <param name="Radius">σ at the epoch's last step, in grid cells.</param>
/// <param name="QuantizationError">The mean Euclidean distance from each sample to its best-matching unit's prototype.</param>
/// <param name="TopographicError">The fraction of samples whose two best-matching units are not grid neighbours.</param>
public sealed record MapEpoch(int Epoch, float LearningRate, float Radius, double QuantizationError, double TopographicError);
