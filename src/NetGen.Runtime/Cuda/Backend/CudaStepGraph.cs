using System;
using System.Collections.Generic;
using NetGen.Cuda.Interop;

namespace NetGen.Cuda;

/// <summary>What a session enqueues as one step.</summary>
internal enum CudaStepKind
{
    /// <summary>Forward, loss, backward, norm clipping and the optimizer's step, with the step's results copied out.</summary>
    Training,

    /// <summary>Forward, loss and backward.</summary>
    Gradients,

    /// <summary>Forward and loss.</summary>
    Evaluation,

    /// <summary>Forward only.</summary>
    Forward,
}

/// <summary>
/// What fixes a step's launch sequence, and so its graph: the kind of step, the staging slot (its device and pinned
/// addresses are in the copies), the batch size (grids, and which launches run), whether the batch is gathered on the
/// device (two more launches) and the optimizer's rule (its kernel).
/// </summary>
internal readonly record struct CudaStepGraphKey(CudaStepKind Kind, int Slot, int BatchSize, bool Gathers, string? Rule);

/// <summary>
/// One step captured as a CUDA graph and instantiated: each later step of the same <see cref="CudaStepGraphKey"/> is one
/// <c>cuGraphLaunch</c> instead of a launch per kernel and a call per copy. What changes from step to step — the training
/// step count, the optimizer's floats (a scheduled learning rate, Adam's bias corrections) — is in kernel arguments; before
/// each replay the session binds every kernel's arguments as it would for a launch, and the nodes whose values differ
/// from the graph's are updated (<c>cuGraphExecKernelNodeSetParams</c>), typically one or two a step.
/// </summary>
internal sealed unsafe class CudaStepGraph : IDisposable
{
    /// <summary>
    /// The environment variable a session reads when it opens: 0, false or no run every step as separate launches, as
    /// without graphs (<see cref="CudaSession.UseGraphs"/>).
    /// </summary>
    public const string UseGraphsVariable = "NETGEN_CUDA_GRAPHS";

    /// <summary>
    /// The most graphs a session keeps. A training run needs four (the full and the last batch, in each of two slots) and
    /// validation four more; steps of a size beyond these run as separate launches.
    /// </summary>
    public const int MaximumPerSession = 16;

    private readonly nint _exec;
    private readonly KernelNode[] _kernels;

    private CudaStepGraph(nint exec, KernelNode[] kernels)
    {
        _exec = exec;
        _kernels = kernels;
    }

    /// <summary>The kernel nodes, in launch order.</summary>
    public IReadOnlyList<KernelNode> Kernels => _kernels;

    public nint Exec => _exec;

    /// <summary>Whether the environment leaves graphs on: <see cref="UseGraphsVariable"/> unset, or anything but 0, false or no.</summary>
    public static bool EnabledFromEnvironment()
    {
        var value = Environment.GetEnvironmentVariable(UseGraphsVariable)?.Trim();
        return value is null || !(value == "0" || value.Equals("false", StringComparison.OrdinalIgnoreCase) || value.Equals("no", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Instantiates a captured graph, which it then releases (the instance does not need it).</summary>
    public static CudaStepGraph Instantiate(nint graph, List<KernelNode> kernels)
    {
        try
        {
            Check.Cuda(CudaDriverNative.cuGraphInstantiateWithFlags(out var exec, graph, 0), "cuGraphInstantiateWithFlags");
            return new CudaStepGraph(exec, kernels.ToArray());
        }
        finally
        {
            CudaDriverNative.cuGraphDestroy(graph);
        }
    }

    public void Dispose() => CudaDriverNative.cuGraphExecDestroy(_exec);

    /// <summary>A captured kernel launch: its node, its grid, and the argument values the graph holds for it.</summary>
    internal sealed class KernelNode
    {
        private readonly ulong[] _cells;

        public KernelNode(CudaLaunch launch, PreparedLaunch prepared, nint node, (int X, int Y, int Z) grid)
        {
            Launch = launch;
            Prepared = prepared;
            Node = node;
            Grid = grid;
            _cells = prepared.Cells.ToArray();
            SetParamsCallName = "cuGraphExecKernelNodeSetParams(" + launch.Kernel + ")";
        }

        public CudaLaunch Launch { get; }

        /// <summary>The session's argument block for the launch, into which the arguments of each replay are bound.</summary>
        public PreparedLaunch Prepared { get; }

        public nint Node { get; }

        public (int X, int Y, int Z) Grid { get; }

        public string SetParamsCallName { get; }

        /// <summary>Whether the arguments bound in <see cref="Prepared"/> differ from those the graph holds.</summary>
        public bool Changed => !Prepared.Cells.SequenceEqual(_cells);

        /// <summary>Gives the node of <paramref name="exec"/> the arguments bound in <see cref="Prepared"/>, for the launches after this call.</summary>
        public CudaResult Update(nint exec)
        {
            var parameters = new CudaKernelNodeParameters
            {
                Function = Prepared.Function,
                GridX = (uint)Grid.X,
                GridY = (uint)Grid.Y,
                GridZ = (uint)Grid.Z,
                BlockX = (uint)Launch.BlockThreads,
                BlockY = 1,
                BlockZ = 1,
                KernelParameters = Prepared.Arguments,
            };
            var result = CudaDriverNative.cuGraphExecKernelNodeSetParams(exec, Node, &parameters);
            if (result == CudaResult.Success)
            {
                Prepared.Cells.CopyTo(_cells);
            }

            return result;
        }
    }
}
