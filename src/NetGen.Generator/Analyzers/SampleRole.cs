namespace NetGen.Generator.Analyzers;

/// <summary>What a float-buffer parameter of a generated method holds, told by its name.</summary>
internal sealed record SampleRole(string ParameterName, bool IsInput, bool IsSingleSample)
{
    /// <summary>Input samples; a whole batch unless <see cref="IsSingleSample"/>.</summary>
    public bool IsBatchOfInputs => IsInput && !IsSingleSample;

    public static SampleRole? ByParameterName(string name) => name switch
    {
        "sample" => new SampleRole(name, IsInput: true, IsSingleSample: true),
        "inputs" or "samples" => new SampleRole(name, IsInput: true, IsSingleSample: false),
        "targets" or "outputs" or "predictions" => new SampleRole(name, IsInput: false, IsSingleSample: false),
        _ => null,
    };
}
