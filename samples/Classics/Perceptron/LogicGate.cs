using System.Collections.Generic;

namespace NetGen.Samples.Classics.Perceptron;

/// <summary>A two-input Boolean function as a truth table: the four inputs (x₁, x₂) row by row and the targets.</summary>
public sealed record LogicGate(string Name, float[] Targets)
{
    /// <summary>(0, 0), (0, 1), (1, 0), (1, 1), two floats a row.</summary>
    public static float[] Inputs { get; } = [0, 0, 0, 1, 1, 0, 1, 1];

    /// <summary>Linearly separable: a perceptron learns it.</summary>
    public static LogicGate And { get; } = new("AND", [0, 0, 0, 1]);

    /// <summary>Linearly separable: a perceptron learns it.</summary>
    public static LogicGate Or { get; } = new("OR", [0, 1, 1, 1]);

    /// <summary>Not linearly separable: no line splits its classes, so no perceptron learns it.</summary>
    public static LogicGate Xor { get; } = new("XOR", [0, 1, 1, 0]);

    /// <summary>The gates the sample trains, in order.</summary>
    public static IReadOnlyList<LogicGate> All { get; } = [And, Or, Xor];

    /// <summary>The number of rows in the table.</summary>
    public int Rows => Targets.Length;
}
