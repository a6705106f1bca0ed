// Hand-written kernels that test the emulation itself: correct kernels, the same kernels with a __syncthreads() removed
// (data races the permuted schedule and ThreadSanitizer must expose), and probes of the execution model.
#define THREADS 256
#define TILE 16

// ---- block reduction ----

// out[block] = the sum of the block's 256 inputs, by a shared-memory tree.
extern "C" __global__ void __launch_bounds__(256) block_sum(const float* __restrict__ in, float* __restrict__ out)
{
    __shared__ float partial[THREADS];
    partial[threadIdx.x] = in[blockIdx.x * THREADS + threadIdx.x];
    __syncthreads();
    for (int half = THREADS / 2; half > 0; half /= 2)
    {
        if (threadIdx.x < half)
        {
            partial[threadIdx.x] += partial[threadIdx.x + half];
        }

        __syncthreads();
    }

    if (threadIdx.x == 0)
    {
        out[blockIdx.x] = partial[0];
    }
}

// BROKEN: block_sum with its __syncthreads() removed; threads read partial sums their partners have not written yet.
extern "C" __global__ void __launch_bounds__(256) block_sum_without_barriers(const float* __restrict__ in, float* __restrict__ out)
{
    __shared__ float partial[THREADS];
    partial[threadIdx.x] = in[blockIdx.x * THREADS + threadIdx.x];
    for (int half = THREADS / 2; half > 0; half /= 2)
    {
        if (threadIdx.x < half)
        {
            partial[threadIdx.x] += partial[threadIdx.x + half];
        }
    }

    if (threadIdx.x == 0)
    {
        out[blockIdx.x] = partial[0];
    }
}

// ---- tiled matrix product, n × n, n a multiple of 16; 256 threads as 16 × 16 ----

// c = a·b, one 16 × 16 tile of c per block (grid n/16 × n/16).
extern "C" __global__ void __launch_bounds__(256) tiled_matmul(const float* __restrict__ a, const float* __restrict__ b, float* __restrict__ c, int n)
{
    __shared__ float a_tile[TILE][TILE];
    __shared__ float b_tile[TILE][TILE];
    const int tx = threadIdx.x % TILE, ty = threadIdx.x / TILE;
    const int row = blockIdx.y * TILE + ty, column = blockIdx.x * TILE + tx;
    float sum = 0.0f;
    for (int k0 = 0; k0 < n; k0 += TILE)
    {
        a_tile[ty][tx] = a[row * n + k0 + tx];
        b_tile[ty][tx] = b[(k0 + ty) * n + column];
        __syncthreads();
        for (int k = 0; k < TILE; ++k)
        {
            sum += a_tile[ty][k] * b_tile[k][tx];
        }

        __syncthreads();
    }

    c[row * n + column] = sum;
}

// BROKEN: tiled_matmul without the barrier after the inner product; a fast thread loads the next tiles over the ones
// slower threads are still reading.
extern "C" __global__ void __launch_bounds__(256) tiled_matmul_without_second_barrier(const float* __restrict__ a, const float* __restrict__ b, float* __restrict__ c, int n)
{
    __shared__ float a_tile[TILE][TILE];
    __shared__ float b_tile[TILE][TILE];
    const int tx = threadIdx.x % TILE, ty = threadIdx.x / TILE;
    const int row = blockIdx.y * TILE + ty, column = blockIdx.x * TILE + tx;
    float sum = 0.0f;
    for (int k0 = 0; k0 < n; k0 += TILE)
    {
        a_tile[ty][tx] = a[row * n + k0 + tx];
        b_tile[ty][tx] = b[(k0 + ty) * n + column];
        __syncthreads();
        for (int k = 0; k < TILE; ++k)
        {
            sum += a_tile[ty][k] * b_tile[k][tx];
        }
    }

    c[row * n + column] = sum;
}

// ---- probes of the execution model ----

// Threads at or past `active` return at once; the others reverse their block's first `active` inputs through shared
// memory and then meet at two more barriers, which must not wait for the threads that left.
extern "C" __global__ void __launch_bounds__(256) early_return_reverse(const int* __restrict__ in, int* __restrict__ out, int active)
{
    __shared__ int tile[THREADS];
    if ((int)threadIdx.x >= active)
    {
        return;
    }

    tile[threadIdx.x] = in[blockIdx.x * THREADS + threadIdx.x];
    __syncthreads();
    const int reversed = tile[active - 1 - threadIdx.x];
    __syncthreads();
    tile[threadIdx.x] = reversed;
    __syncthreads();
    out[blockIdx.x * THREADS + threadIdx.x] = tile[threadIdx.x];
}

// Records the schedule: block_order[k] = the k-th block run (blocks run one at a time), and the order in which each
// block's threads passed their first instruction.
extern "C" __global__ void __launch_bounds__(256) record_schedule(int* __restrict__ block_order, int* __restrict__ thread_order, int* __restrict__ counters)
{
    const int block = blockIdx.y * gridDim.x + blockIdx.x;
    const int ticket = atomicAdd(&counters[1 + block], 1);
    thread_order[block * blockDim.x + ticket] = threadIdx.x;
    __syncthreads();
    if (threadIdx.x == 0)
    {
        block_order[atomicAdd(&counters[0], 1)] = block;
    }
}

// Reads shared memory that, unless write_first, no thread of the block wrote: the emulation poisons it (all bits set)
// before every block. (The write keeps g++ from folding reads of a never-written static to zero.)
extern "C" __global__ void __launch_bounds__(256) read_shared(float* __restrict__ out, int write_first)
{
    __shared__ float maybe_written[THREADS];
    if (write_first != 0)
    {
        maybe_written[threadIdx.x] = (float)write_first;
    }

    __syncthreads();
    out[blockIdx.x * THREADS + threadIdx.x] = maybe_written[threadIdx.x];
}

// Each template instantiation's __shared__ array is its own object, as it is per kernel on a GPU.
template <int Id>
__device__ __forceinline__ float* scratch()
{
    __shared__ float values[THREADS];
    return values;
}

extern "C" __global__ void __launch_bounds__(256) shared_per_instantiation(float* __restrict__ out)
{
    scratch<1>()[threadIdx.x] = 1.0f;
    scratch<2>()[threadIdx.x] = 2.0f;
    __syncthreads();
    out[threadIdx.x] = scratch<1>()[THREADS - 1 - threadIdx.x] * 10.0f + scratch<2>()[THREADS - 1 - threadIdx.x];
}
