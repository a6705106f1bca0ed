using NetGen.Generator.Activations;

namespace NetGen.Generator.Emit.Cuda;

/// <summary>
/// The CUDA C every network's translation unit starts with: activations, the tiled matrix product, block reductions and
/// the optimizers' gradient transform. It expects NG_PARAMETER_COUNT and NG_NORM_BLOCKS to be defined before it.
/// </summary>
internal static class CudaPrelude
{
    /// <summary>The whole prelude, the activations' device functions generated from the activation catalog.</summary>
    public static string Text { get; } =
        (Head + "\n// Element-wise activations f(z) and their derivatives f'(z) given z and a = f(z); alpha is the layer's α where it has one;\n" +
         "// a noisy activation's f(z, noise) in a training step, noise a standard normal draw.\n" +
         ActivationCatalog.CudaFunctions() + "\n" + Tail).Replace("\r\n", "\n");

    private const string Head = """
        // ---- NetGen prelude: device helpers shared by every network's translation unit ----
        #define NG_TILE 64
        #define NG_SMALL_TILE 16
        #define NG_TILE_K 16
        #define NG_THREADS 256

        // __fdividef rather than '/': the denominators lie in [1, 2], where it is accurate to 2 ulp, and an IEEE division's
        // slow path makes ptxas spill where this is fused into a matrix product's epilogue.
        __device__ __forceinline__ float ng_sigmoid(float z)
        {
            if (z >= 0.0f)
            {
                return __fdividef(1.0f, 1.0f + expf(-z));
            }

            const float e = expf(z);
            return __fdividef(e, 1.0f + e);
        }

        """;

    private const string Tail = """
        // C = A·B over k in [k_begin, k_end) for the Tile×Tile output tile (blockIdx.x, blockIdx.y), 256 threads, each computing
        // (Tile/16)×(Tile/16) outputs strided by 16 so that shared-memory reads are conflict-free and stores coalesce along n:
        // 4×4 for NG_TILE (64), 1 for NG_SMALL_TILE (16), which a launch takes instead when the large tiles would leave most
        // of the GPU idle. Every output sums k in the same order whatever the tile, so both give the same bits. The problem
        // supplies lhs(m, k), rhs(k, n), store(m, n, value) and whether rhs is contiguous in k (which decides the load order).
        // Rows, which grow with the batch, are on grid x (up to 2^31 - 1 blocks); columns on grid y (up to 65,535).
        template <int Tile = NG_TILE, class Problem>
        __device__ __forceinline__ void ng_gemm_tile(const Problem& problem, int m_count, int n_count, int k_begin, int k_end)
        {
            static_assert(Tile % 16 == 0 && Tile <= NG_TILE, "a tile is 16, 32, 48 or 64 wide");
            constexpr int per_thread = Tile / 16;
            __shared__ float a_tile[NG_TILE_K][Tile + 1];
            __shared__ float b_tile[NG_TILE_K][Tile + 1];
            const int tx = threadIdx.x % 16;
            const int ty = threadIdx.x / 16;
            const int m0 = blockIdx.x * Tile;
            const int n0 = blockIdx.y * Tile;
            float sum[per_thread][per_thread];
        #pragma unroll
            for (int i = 0; i < per_thread; ++i)
            {
        #pragma unroll
                for (int j = 0; j < per_thread; ++j)
                {
                    sum[i][j] = 0.0f;
                }
            }

            for (int k0 = k_begin; k0 < k_end; k0 += NG_TILE_K)
            {
                for (int e = threadIdx.x; e < Tile * NG_TILE_K; e += NG_THREADS)
                {
                    const int m = e / NG_TILE_K;
                    const int k = e % NG_TILE_K;
                    a_tile[k][m] = (m0 + m < m_count && k0 + k < k_end) ? problem.lhs(m0 + m, k0 + k) : 0.0f;
                }

                for (int e = threadIdx.x; e < Tile * NG_TILE_K; e += NG_THREADS)
                {
                    const int n = Problem::rhs_contiguous_in_k ? e / NG_TILE_K : e % Tile;
                    const int k = Problem::rhs_contiguous_in_k ? e % NG_TILE_K : e / Tile;
                    b_tile[k][n] = (k0 + k < k_end && n0 + n < n_count) ? problem.rhs(k0 + k, n0 + n) : 0.0f;
                }

                __syncthreads();
        #pragma unroll
                for (int k = 0; k < NG_TILE_K; ++k)
                {
                    float a[per_thread];
                    float b[per_thread];
        #pragma unroll
                    for (int i = 0; i < per_thread; ++i)
                    {
                        a[i] = a_tile[k][ty + 16 * i];
                        b[i] = b_tile[k][tx + 16 * i];
                    }

        #pragma unroll
                    for (int i = 0; i < per_thread; ++i)
                    {
        #pragma unroll
                        for (int j = 0; j < per_thread; ++j)
                        {
                            sum[i][j] = fmaf(a[i], b[j], sum[i][j]);
                        }
                    }
                }

                __syncthreads();
            }

        #pragma unroll
            for (int i = 0; i < per_thread; ++i)
            {
        #pragma unroll
                for (int j = 0; j < per_thread; ++j)
                {
                    const int m = m0 + ty + 16 * i;
                    const int n = n0 + tx + 16 * j;
                    if (m < m_count && n < n_count)
                    {
                        problem.store(m, n, sum[i][j]);
                    }
                }
            }
        }

        // Philox4x32-10, as NetGen.Internal.Philox: the four words for a counter (c0..c3) and a key (k0, k1). The 32×32-bit
        // products are taken in 64 bits rather than with __umulhi, so that the same source runs under the CPU emulation.
        __device__ __forceinline__ void ng_philox(unsigned int c[4], unsigned int k0, unsigned int k1)
        {
            for (int round = 0; round < 10; ++round)
            {
                if (round > 0)
                {
                    k0 += 0x9E3779B9u;
                    k1 += 0xBB67AE85u;
                }

                const unsigned long long p0 = (unsigned long long)0xD2511F53u * c[0];
                const unsigned long long p1 = (unsigned long long)0xCD9E8D57u * c[2];
                const unsigned int c1 = c[1], c3 = c[3];
                c[0] = (unsigned int)(p1 >> 32) ^ c1 ^ k0;
                c[1] = (unsigned int)p1;
                c[2] = (unsigned int)(p0 >> 32) ^ c3 ^ k1;
                c[3] = (unsigned int)p0;
            }
        }

        // A uniform float in [0, 1) for element index of random stream (layer) stream at training step step, as
        // NetGen.Internal.Philox.Uniform: word index % 4 of Philox at counter (index / 4, 0, step) under key (seed, stream).
        __device__ __forceinline__ float ng_uniform(unsigned int seed, unsigned long long step, unsigned int stream, unsigned int index)
        {
            unsigned int c[4] = { index >> 2, 0u, (unsigned int)step, (unsigned int)(step >> 32) };
            ng_philox(c, seed, stream);
            return (float)(c[index & 3u] >> 8) * (1.0f / 16777216.0f);
        }

        // A standard normal float for element index of random stream stream at training step step, as
        // NetGen.Internal.Philox.Normal: Box–Muller on words (index & 2) and (index & 2) + 1 of the Philox call ng_uniform makes,
        // u1 = (top 24 bits + 1)·2^-24 in (0, 1], u2 = top 24 bits·2^-24; r·cos(2π·u2) for even elements, r·sin for odd ones,
        // r = sqrt(-2 ln u1). In double, rounded once, so that it agrees with the CPU's libm but for a rare rounding boundary.
        __device__ __forceinline__ float ng_normal(unsigned int seed, unsigned long long step, unsigned int stream, unsigned int index)
        {
            unsigned int c[4] = { index >> 2, 0u, (unsigned int)step, (unsigned int)(step >> 32) };
            ng_philox(c, seed, stream);
            const unsigned int pair = index & 2u;
            const double radius = sqrt(-2.0 * log((double)((c[pair] >> 8) + 1u) * (1.0 / 16777216.0)));
            const double angle = 6.283185307179586 * ((double)(c[pair + 1u] >> 8) * (1.0 / 16777216.0));
            return (float)(radius * ((index & 1u) != 0u ? sin(angle) : cos(angle)));
        }

        // Sums a block's per-thread values in shared memory; thread 0 gets the total. Every thread of the block must call it.
        __device__ __forceinline__ double ng_block_sum(double value)
        {
            __shared__ double partial[NG_THREADS];
            partial[threadIdx.x] = value;
            __syncthreads();
            for (int half = NG_THREADS / 2; half > 0; half /= 2)
            {
                if (threadIdx.x < half)
                {
                    partial[threadIdx.x] += partial[threadIdx.x + half];
                }

                __syncthreads();
            }

            return partial[0];
        }

        // out[i] = Σ over the splits of partials[split][i], splits in order, for the split-k weight gradients.
        template <int Count>
        __device__ __forceinline__ void ng_sum_splits(const float* __restrict__ partials, float* __restrict__ out, int batch, int samples_per_split)
        {
            const int i = blockIdx.x * NG_THREADS + threadIdx.x;
            if (i >= Count)
            {
                return;
            }

            const int splits = (batch + samples_per_split - 1) / samples_per_split;
            float total = 0.0f;
            for (int split = 0; split < splits; ++split)
            {
                total += partials[(long long)split * Count + i];
            }

            out[i] = total;
        }

        // The optimizers' gradient transform: clamp(s·g, −c, c) + λ₂·θ + λ₁·sign(θ), sign(0) = sign(NaN) = 0, NaN passing
        // through as on the CPU; the L2 term is one fused multiply-add, as on the CPU.
        __device__ __forceinline__ float ng_transform_gradient(float g, float theta, float scale, float clip_bound, float l2_weight_decay, float l1_weight_decay)
        {
            float scaled = g * scale;
            scaled = scaled < -clip_bound ? -clip_bound : (scaled > clip_bound ? clip_bound : scaled);
            const float sign = theta > 0.0f ? 1.0f : (theta < 0.0f ? -1.0f : 0.0f);
            return fmaf(l2_weight_decay, theta, scaled) + l1_weight_decay * sign;
        }

        // What clip_norm_scale leaves in first_non_finite[0]: nothing, the loss, or else the index of the first gradient
        // that is NaN or ±∞ (its bits in first_non_finite[1]). Sticky: written only while it says nothing.
        #define NG_ALL_FINITE (-1)
        #define NG_NON_FINITE_LOSS (-2)

        // The start of every optimizer step: i, θ and the transformed gradient g, for one thread per parameter. A step
        // whose loss or gradients are not finite changes nothing.
        #define NG_PARAMETER_INDEX                                                                                \
            const int i = blockIdx.x * NG_THREADS + threadIdx.x;                                                  \
            if (i >= NG_PARAMETER_COUNT || *first_non_finite != NG_ALL_FINITE)                                    \
            {                                                                                                     \
                return;                                                                                           \
            }                                                                                                     \
            const float theta = parameters[i];                                                                    \
            const float g = ng_transform_gradient(gradients[i], theta, *clip_scale, clip_bound, l2_weight_decay, l1_weight_decay)
        // ---- end of prelude ----
        """;
}
