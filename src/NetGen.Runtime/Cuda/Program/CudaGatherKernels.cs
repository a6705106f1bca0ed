using System.Globalization;

namespace NetGen.Cuda;

/// <summary>
/// The runtime's own kernels, appended to every network's generated source: they gather a batch from a dataset kept on
/// the device (<see cref="CudaSession.KeepDatasetResident"/>), sample i of the batch being row <c>batch_rows[i]</c> of the
/// dataset, into the buffers a step reads its inputs and targets from. One kernel per buffer, the row length a constant.
/// </summary>
internal static class CudaGatherKernels
{
    public const string InputsKernel = "gather_input_rows";
    public const string TargetsKernel = "gather_target_rows";

    /// <summary>Threads per block; each thread copies every (grid × block)-th float of the batch.</summary>
    public const int BlockThreads = 256;

    /// <summary>At most this many blocks: a larger batch loops.</summary>
    public const int MaximumBlocks = 4096;

    /// <summary>The kernels for inputs of <paramref name="inputSize"/> and targets of <paramref name="targetSize"/> floats a sample.</summary>
    public static string Source(int inputSize, int targetSize) =>
        "\n// ---- the runtime's kernels: a batch gathered from a dataset kept on the device ----\n" +
        Kernel(InputsKernel, CudaBufferNames.DatasetInputs, CudaBufferNames.Inputs, inputSize) +
        Kernel(TargetsKernel, CudaBufferNames.DatasetTargets, CudaBufferNames.Targets, targetSize);

    public static CudaLaunch InputsLaunch(int inputSize) => Launch(InputsKernel, CudaBufferNames.DatasetInputs, CudaBufferNames.Inputs, inputSize);

    public static CudaLaunch TargetsLaunch(int targetSize) => Launch(TargetsKernel, CudaBufferNames.DatasetTargets, CudaBufferNames.Targets, targetSize);

    private static CudaLaunch Launch(string kernel, string dataset, string batch, int rowLength) =>
        new(
            kernel,
            new GridDimension(0, rowLength, BlockThreads, MaximumBlocks),
            GridDimension.Constant(1),
            GridDimension.Constant(1),
            BlockThreads,
            [CudaArgument.Buffer(dataset), CudaArgument.Buffer(CudaBufferNames.BatchRows), CudaArgument.Buffer(batch), CudaArgument.BatchSize]);

    private static string Kernel(string name, string dataset, string batch, int rowLength)
    {
        var length = rowLength.ToString(CultureInfo.InvariantCulture);
        return $$"""
            extern "C" __global__ void __launch_bounds__({{BlockThreads}}) {{name}}(const float* __restrict__ {{dataset}}, const int* __restrict__ {{CudaBufferNames.BatchRows}}, float* __restrict__ {{batch}}, int batch)
            {
                const long long row_length = {{length}};
                const long long total = (long long)batch * row_length;
                for (long long i = (long long)blockIdx.x * blockDim.x + threadIdx.x; i < total; i += (long long)gridDim.x * blockDim.x)
                {
                    const long long sample = i / row_length;
                    {{batch}}[i] = {{dataset}}[(long long){{CudaBufferNames.BatchRows}}[sample] * row_length + (i - sample * row_length)];
                }
            }

            """;
    }
}
