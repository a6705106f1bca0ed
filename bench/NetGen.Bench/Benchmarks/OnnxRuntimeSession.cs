using System;
using System.IO;
using System.Linq;
using Microsoft.ML.OnnxRuntime;
using NetGen.Onnx;

namespace NetGen.Bench.Benchmarks;

/// <summary>
/// A NetGen network exported by <see cref="OnnxExport"/> with softmax appended (the class probabilities
/// <c>Predict</c> gives), in an ONNX Runtime session on the CPU: all graph optimizations, the run's thread count within
/// an operator, one operator at a time. One sample goes through input and output tensors bound once to preallocated
/// buffers, so a call is the copy in, <c>Run</c> and the copy out.
/// </summary>
internal sealed class OnnxRuntimeSession : IDisposable
{
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();
    private readonly float[] _input;
    private readonly float[] _output;
    private readonly OrtValue _inputValue;
    private readonly OrtValue _outputValue;
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;
    private readonly OrtValue[] _inputValues;
    private readonly OrtValue[] _outputValues;

    public OnnxRuntimeSession(INetwork network, int threads)
    {
        using var model = new MemoryStream();
        OnnxExport.Save(network, model, new OnnxExportOptions { AppendSoftmax = true });
        using var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            IntraOpNumThreads = threads,
            InterOpNumThreads = 1,
        };
        _session = new InferenceSession(model.ToArray(), options);
        _input = new float[network.InputSize];
        _output = new float[network.OutputSize];
        _inputValue = OrtValue.CreateTensorValueFromMemory(_input, [1L, .. network.Layers[0].InputShape.Select(size => (long)size)]);
        _outputValue = OrtValue.CreateTensorValueFromMemory(_output, [1L, network.OutputSize]);
        _inputNames = [_session.InputMetadata.Keys.Single()];
        _outputNames = [_session.OutputMetadata.Keys.Single()];
        _inputValues = [_inputValue];
        _outputValues = [_outputValue];
    }

    /// <summary>The ONNX Runtime library's version, as it reports it.</summary>
    public static string Version => OrtEnv.Instance().GetVersionString();

    public void Predict(ReadOnlySpan<float> sample, Span<float> prediction)
    {
        sample.CopyTo(_input);
        _session.Run(_runOptions, _inputNames, _inputValues, _outputNames, _outputValues);
        _output.CopyTo(prediction);
    }

    public void Dispose()
    {
        _inputValue.Dispose();
        _outputValue.Dispose();
        _runOptions.Dispose();
        _session.Dispose();
    }
}
