namespace NetGen.Internal;

/// <summary>
/// The pinned buffers of one forward or backward call of a recurrent layer and where each row lies in them (the
/// layouts are described on <see cref="RecurrentKernels"/>). Pointers to absent biases are null.
/// </summary>
internal unsafe struct RecurrentBuffers
{
    public RecurrentCell Cell;
    public int Batch;
    public int Steps;
    public int Units;

    /// <summary>G·H: a row of projections, of gate deltas and of the recurrent product.</summary>
    public int GateUnits;

    /// <summary>A row of the gates buffer: H for SimpleRnn, 4H for LSTM and GRU.</summary>
    public int GateStride;

    public bool ReturnSequences;

    /// <summary>b_ih and b_hh in the forward pass; null when absent.</summary>
    public float* InputBias;
    public float* RecurrentBias;

    public float* Projections;
    public float* Gates;
    public float* Hidden;

    /// <summary>LSTM's cell states, after the hidden states in the states buffer; null for the other cells.</summary>
    public float* Cells;

    /// <summary>GRU's recurrent-side gate deltas; null for the other cells.</summary>
    public float* GateDeltas;

    /// <summary>
    /// The recurrent product of the step: h_{t−1}·W_hhᵀ [batch, G·H] in the forward pass, the carried
    /// D_{t+1}·W_hh [batch, H] in the backward pass.
    /// </summary>
    public float* Recurrent;

    /// <summary>GRU's ∂L/∂h_t through h_{t+1}'s z∘h_t term [batch, H] (backward).</summary>
    public float* CarriedHidden;

    /// <summary>LSTM's ∂L/∂c_t [batch, H] (backward).</summary>
    public float* CarriedCell;

    /// <summary>The output in the forward pass, ∂L/∂output in the backward pass.</summary>
    public float* Output;

    /// <summary>Row (sample, step) of [batch, T, G·H].</summary>
    public readonly float* ProjectionRow(int sample, int step) => Projections + (((nint)sample * Steps) + step) * GateUnits;

    /// <summary>Row (sample, step) of the gates, [batch, T, H or 4H].</summary>
    public readonly float* GateRow(int sample, int step) => Gates + (((nint)sample * Steps) + step) * GateStride;

    /// <summary>Row (sample, step) of GRU's recurrent-side gate deltas, [batch, T, 3H].</summary>
    public readonly float* GateDeltaRow(int sample, int step) => GateDeltas + (((nint)sample * Steps) + step) * GateUnits;

    /// <summary>
    /// The state entering step <paramref name="step"/> (h_{step−1} or c_{step−1}) of a sample, for step 0 … T: a region
    /// holds [batch, T, H] of the states entering steps 0 … T − 1, then [batch, H] of the last states.
    /// </summary>
    public readonly float* State(float* region, int sample, int step) =>
        region + ((step < Steps ? ((nint)sample * Steps) + step : ((nint)Batch * Steps) + sample) * Units);

    /// <summary>The output row of step <paramref name="step"/>, or null where the output holds no row for it.</summary>
    public readonly float* OutputRow(int sample, int step) =>
        ReturnSequences ? Output + ((((nint)sample * Steps) + step) * Units)
        : step == Steps - 1 ? Output + ((nint)sample * Units)
        : null;

    /// <summary>Row <paramref name="sample"/> of a [batch, <paramref name="width"/>] block of the step buffer.</summary>
    public static float* Row(float* block, int sample, int width) => block + ((nint)sample * width);
}
