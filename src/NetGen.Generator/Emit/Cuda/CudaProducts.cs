using System.Collections.Generic;
using System.Text;

namespace NetGen.Generator.Emit.Cuda;

/// <summary>Writes the problem structs the prelude's <c>ng_gemm_tile</c> multiplies: lhs(m, k), rhs(k, n) and the epilogue store(m, n, value).</summary>
internal static class CudaProducts
{
    /// <summary>Rows and columns of one block's output tile (NG_TILE in the prelude).</summary>
    public const int Tile = 64;

    /// <summary>Rows and columns of a block's output tile in a product's small-tile alternative (NG_SMALL_TILE in the prelude): 16 times the blocks.</summary>
    public const int SmallTile = 16;

    /// <summary>What a product's small-tile kernel adds to the name of its large-tile one.</summary>
    public const string SmallTileSuffix = "_small_tiles";

    /// <summary>Blocks along grid y and z a GPU launches at most (NetGen.Cuda.CudaLimits.GridYZ).</summary>
    private const long GridYZ = 65_535;

    private const string LargeTileCall = "ng_gemm_tile(";
    private const string SmallTileCall = "ng_gemm_tile<NG_SMALL_TILE>(";

    /// <summary>Rows of the reduction dimension a split of a weight gradient covers at least, so that small layers still fill the GPU.</summary>
    public const int RowsPerSplit = 1024;

    /// <summary>
    /// Splits of a weight gradient at most (grid z): beyond ⌈batch / samples per split⌉ of them, each split covers more
    /// samples. Bounded by 1,024, which fills any GPU, and by the floats of partial sums the splits may take.
    /// </summary>
    public static long MaxSplits(long weights) => System.Math.Max(1, System.Math.Min(1024, PartialSumsBudget / weights));

    /// <summary>Floats of split partial sums one weight gradient may take at most (64 MB).</summary>
    private const long PartialSumsBudget = 1 << 24;

    /// <summary>
    /// <paramref name="product"/>, whose body makes one <c>ng_gemm_tile</c> call over NG_TILE tiles, with its small-tile
    /// alternative: the same parameters, problem struct and grid z, the call over NG_SMALL_TILE tiles, and
    /// <paramref name="tiles"/> giving grid x and y for a tile size. Left without one where the small tiles give no more
    /// blocks at any batch (a weight gradient of at most 16 × 16), or where their grid y would pass a GPU's 65,535 blocks.
    /// </summary>
    public static CudaKernel WithSmallTiles(CudaKernel product, System.Func<int, (CudaGrid X, CudaGrid Y)> tiles)
    {
        var large = tiles(Tile);
        var small = tiles(SmallTile);
        var first = product.Body.IndexOf(LargeTileCall, System.StringComparison.Ordinal);
        if (first < 0 || product.Body.IndexOf(LargeTileCall, first + 1, System.StringComparison.Ordinal) >= 0 || product.GridX != large.X || product.GridY != large.Y)
        {
            throw new System.InvalidOperationException(product.Name + ": a small-tile alternative needs one ng_gemm_tile call over grids of NG_TILE tiles.");
        }

        var noMoreBlocks = small.X.PerSample == 0 && small.X.Fixed == large.X.Fixed && small.Y.Fixed == large.Y.Fixed;
        if (noMoreBlocks || small.Y.PerSample != 0 || small.Y.Fixed > GridYZ)
        {
            return product;
        }

        var alternative = product with
        {
            Name = product.Name + SmallTileSuffix,
            Comment = "As " + product.Name + " over " + C.Int(SmallTile) + " × " + C.Int(SmallTile) + " output tiles, " + C.Int(Tile * Tile / (SmallTile * SmallTile)) +
                      " times the blocks, for grids of few blocks",
            Body = product.Body.Substring(0, first) + SmallTileCall + product.Body.Substring(first + LargeTileCall.Length),
            GridX = small.X,
            GridY = small.Y,
            Helpers = string.Empty,
        };
        return product with { SmallTiles = alternative };
    }

    public static string Problem(string name, IEnumerable<string> members, string lhs, string rhs, bool rhsContiguousInK, IEnumerable<string> store)
    {
        var text = new StringBuilder();
        text.Append("struct ").Append(name).Append("\n{\n");
        foreach (var member in members)
        {
            text.Append("    ").Append(member).Append('\n');
        }

        text.Append("    static constexpr bool rhs_contiguous_in_k = ").Append(rhsContiguousInK ? "true" : "false").Append(";\n\n");
        Method(text, "float lhs(int m, int k) const", lhs.Split('\n'));
        Method(text, "float rhs(int k, int n) const", rhs.Split('\n'));
        Method(text, "void store(int m, int n, float value) const", store);
        text.Length--; // the blank line after the last method
        text.Append("};\n");
        return text.ToString();
    }

    /// <summary>Samples per split of a weight gradient whose reduction runs over samples × <paramref name="rowsPerSample"/>.</summary>
    public static int SamplesPerSplit(int rowsPerSample) => System.Math.Max(1, RowsPerSplit / rowsPerSample);

    private static void Method(StringBuilder text, string signature, IEnumerable<string> lines)
    {
        text.Append("    __device__ ").Append(signature).Append("\n    {\n");
        foreach (var line in lines)
        {
            text.Append(line.Length == 0 ? string.Empty : "        ").Append(line).Append('\n');
        }

        text.Append("    }\n\n");
    }
}

/// <summary>Buffer names every program has (mirrors NetGen.Cuda.CudaBufferNames).</summary>
internal static class CudaNames
{
    public const string Inputs = "inputs";
    public const string Targets = "targets";
    public const string Parameters = "parameters";
    public const string Gradients = "gradients";
    public const string State = "state";
    public const string FirstOptimizerState = "optimizer_state_0";
    public const string SecondOptimizerState = "optimizer_state_1";
    public const string NormPartials = "norm_partials";
    public const string NormBlocksDone = "norm_blocks_done";
    public const string ClipScale = "clip_scale";
    public const string FirstNonFinite = "first_non_finite";
    public const string Loss = "loss";
}
