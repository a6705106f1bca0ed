// cuda_shim.h: the CUDA execution model on the CPU, for running NetGen's generated kernels (and small hand-written
// ones) under g++ in tests.
//
// Two parts:
//   * what kernels see (always): the CUDA C keywords, threadIdx/blockIdx/blockDim/gridDim, __syncthreads(), the device
//     math and atomics. Include it first: g++ -std=c++20 -include cuda_shim.h -x c++ kernels.cu launcher.cpp.
//     It only needs <cmath>, so every network's kernels compile quickly.
//   * the runtime (with -DNG_EMU_RUNTIME, compiled once into an object the harness caches and links into every
//     network's library): the host threads that play CUDA threads, the block barrier, the launch.
//
// What it emulates:
//   * one host thread per CUDA thread of a block, all of a block's threads running concurrently, and __syncthreads()
//     as a std::barrier over them; a thread that returns (early or not) leaves the barrier with arrive_and_drop, so the
//     threads still running are not held up by it;
//   * the blocks of a grid one after another, so __shared__ can be a plain static: one copy per kernel, and per
//     template instantiation (a static local of each instantiation is its own object);
//   * a seeded schedule: every launch visits its blocks in a shuffled order and starts each block's threads in a
//     shuffled order (the host thread releases the workers one after another; worker k plays thread order[k]);
//   * shared memory poisoned (all bytes 0xFF: NaN for float and double, -1 for int) before every block, for the static
//     regions the host registers with netgen_emu_set_shared (the harness finds them with nm);
//   * the device math functions the kernels call (most come from <cmath>), integer min/max, atomics (compare-and-swap
//     loops on the GCC __atomic built-ins, which ThreadSanitizer understands).
//
// What it does not emulate: warps (no lock-step execution, no shuffles, votes or warp-synchronous code), timing, the
// GPU memory model beyond what __syncthreads and the atomics give, dynamic (extern) shared memory, streams, and blocks
// running at the same time. Launches of one library run one at a time (a mutex), because __shared__ storage is static.
#pragma once

#include <bit>
#include <cmath>
#include <cstddef>
#include <math.h>

// ---- keywords ----
#define __global__
#define __device__
#define __host__
#define __forceinline__ inline
#define __launch_bounds__(...)
#define __shared__ static
#define __constant__ static
// __restrict__ is a g++ keyword already; #pragma unroll is an unknown pragma to g++ and ignored.

#define NG_EMU_EXPORT extern "C" __attribute__((visibility("default")))
#define NG_EMU_HIDDEN __attribute__((visibility("hidden")))

// ---- built-in variables: one copy per host thread ----
struct uint3
{
    unsigned int x, y, z;
};

struct dim3
{
    unsigned int x, y, z;
};

extern __thread uint3 threadIdx NG_EMU_HIDDEN;
extern __thread uint3 blockIdx NG_EMU_HIDDEN;
extern __thread dim3 blockDim NG_EMU_HIDDEN;
extern __thread dim3 gridDim NG_EMU_HIDDEN;
constexpr int warpSize = 32;

// ---- the block barrier ----
namespace ng_emu
{
void syncthreads() NG_EMU_HIDDEN;
}

inline void __syncthreads() { ng_emu::syncthreads(); }

// ---- device math ----
using std::isfinite;
using std::isinf;
using std::isnan;

inline int __float_as_int(float x) { return std::bit_cast<int>(x); }
inline float __fdividef(float a, float b) { return a / b; }
inline float __frcp_rn(float a) { return 1.0f / a; }
inline float __expf(float x) { return expf(x); }
inline float __logf(float x) { return logf(x); }
inline float __powf(float a, float b) { return powf(a, b); }
inline float __sinf(float x) { return sinf(x); }
inline float __cosf(float x) { return cosf(x); }
inline float __tanhf(float x) { return tanhf(x); }
inline float __saturatef(float x) { return x < 0.0f ? 0.0f : (x > 1.0f ? 1.0f : x); }
inline float rsqrtf(float x) { return 1.0f / sqrtf(x); }
inline double rsqrt(double x) { return 1.0 / sqrt(x); }
inline float __fmaf_rn(float a, float b, float c) { return fmaf(a, b, c); }
inline double __fma_rn(double a, double b, double c) { return fma(a, b, c); }

inline int min(int a, int b) { return a < b ? a : b; }
inline int max(int a, int b) { return a > b ? a : b; }
inline unsigned int min(unsigned int a, unsigned int b) { return a < b ? a : b; }
inline unsigned int max(unsigned int a, unsigned int b) { return a > b ? a : b; }
inline long long min(long long a, long long b) { return a < b ? a : b; }
inline long long max(long long a, long long b) { return a > b ? a : b; }
inline unsigned long long min(unsigned long long a, unsigned long long b) { return a < b ? a : b; }
inline unsigned long long max(unsigned long long a, unsigned long long b) { return a > b ? a : b; }
inline float min(float a, float b) { return fminf(a, b); }
inline float max(float a, float b) { return fmaxf(a, b); }
inline double min(double a, double b) { return fmin(a, b); }
inline double max(double a, double b) { return fmax(a, b); }

// ---- atomics: compare-and-swap loops; each returns the old value ----
namespace ng_emu
{
template <class T, class Update>
inline T atomic_update(T* address, Update update)
{
    T old;
    __atomic_load(address, &old, __ATOMIC_SEQ_CST);
    T desired = update(old);
    while (!__atomic_compare_exchange(address, &old, &desired, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST))
    {
        desired = update(old);
    }

    return old;
}
} // namespace ng_emu

template <class T>
inline T atomicAdd(T* address, T value) { return ng_emu::atomic_update(address, [value](T old) { return old + value; }); }
template <class T>
inline T atomicSub(T* address, T value) { return ng_emu::atomic_update(address, [value](T old) { return old - value; }); }
template <class T>
inline T atomicExch(T* address, T value) { return ng_emu::atomic_update(address, [value](T) { return value; }); }
template <class T>
inline T atomicMax(T* address, T value) { return ng_emu::atomic_update(address, [value](T old) { return old < value ? value : old; }); }
template <class T>
inline T atomicMin(T* address, T value) { return ng_emu::atomic_update(address, [value](T old) { return value < old ? value : old; }); }
template <class T>
inline T atomicCAS(T* address, T expected, T desired)
{
    __atomic_compare_exchange(address, &expected, &desired, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
    return expected;
}

inline void __threadfence() { __atomic_thread_fence(__ATOMIC_SEQ_CST); }
inline void __threadfence_block() { __atomic_thread_fence(__ATOMIC_SEQ_CST); }

// ---- what the launcher calls ----
namespace ng_emu
{
using kernel_function = void (*)(void* arguments);

// Runs kernel_function(arguments) as a grid of grid_x × grid_y × grid_z blocks of block_threads threads, blocks and
// thread starts shuffled by seed. One launch at a time per library.
void launch(unsigned int grid_x, unsigned int grid_y, unsigned int grid_z, unsigned int block_threads, unsigned int seed,
            kernel_function function, void* arguments) NG_EMU_HIDDEN;

// An address in the library that the host locates with nm, to turn symbol offsets into addresses.
extern char anchor NG_EMU_HIDDEN;
} // namespace ng_emu

// A library's launchers by kernel name (the harness writes the table into the launcher), for the sanitizer server.
typedef void (*netgen_emu_launcher)(unsigned, unsigned, unsigned, unsigned, void**, unsigned);

struct netgen_emu_kernel
{
    const char* name;
    netgen_emu_launcher launch;
};

#ifdef NG_EMU_RUNTIME
// ======================================================================================================================
// The runtime: compiled once (g++ -DNG_EMU_RUNTIME -x c++ cuda_shim.h) and linked into every library.
// ======================================================================================================================
#include <barrier>
#include <cstdint>
#include <cstring>
#include <memory>
#include <mutex>
#include <optional>
#include <semaphore>
#include <thread>
#include <vector>

__thread uint3 threadIdx = {0, 0, 0};
__thread uint3 blockIdx = {0, 0, 0};
__thread dim3 blockDim = {1, 1, 1};
__thread dim3 gridDim = {1, 1, 1};

namespace ng_emu
{
char anchor = 0;

namespace
{
// The barrier of the block the calling thread plays a thread of (nullptr outside a kernel).
__thread std::barrier<>* current_barrier = nullptr;

// SplitMix64: the same shuffles for the same seed on every machine.
struct random
{
    std::uint64_t state;

    std::uint64_t next()
    {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }

    template <class T>
    void shuffle(std::vector<T>& items)
    {
        for (std::size_t i = items.size(); i > 1; --i)
        {
            std::swap(items[i - 1], items[next() % i]);
        }
    }
};

struct shared_region
{
    char* start;
    std::size_t bytes;
};

// A pool of host threads (grown to the largest block launched) that play one block's CUDA threads at a time.
class pool
{
public:
    // One launch at a time: __shared__ storage is static, and the workers play one block at a time.
    std::mutex launch_mutex;
    std::vector<shared_region> shared_regions;
    int attached = 0;

    void launch(dim3 grid, unsigned int threads, unsigned int seed, kernel_function function, void* arguments)
    {
        const std::uint64_t blocks = (std::uint64_t)grid.x * grid.y * grid.z;
        if (threads == 0 || blocks == 0)
        {
            return;
        }

        ensure_workers(threads);
        random order_random{0xC0DA5EEDull ^ ((std::uint64_t)seed << 21) ^ seed};
        std::vector<std::uint64_t> order(blocks);
        for (std::uint64_t i = 0; i < blocks; ++i)
        {
            order[i] = i;
        }

        order_random.shuffle(order);
        _thread_of_rank.resize(threads);
        _grid = grid;
        _block = dim3{threads, 1, 1};
        _function = function;
        _arguments = arguments;
        for (const std::uint64_t linear : order)
        {
            _block_index = uint3{(unsigned int)(linear % grid.x), (unsigned int)(linear / grid.x % grid.y), (unsigned int)(linear / grid.x / grid.y)};
            for (unsigned int t = 0; t < threads; ++t)
            {
                _thread_of_rank[t] = t;
            }

            order_random.shuffle(_thread_of_rank);
            for (const shared_region& region : shared_regions)
            {
                std::memset(region.start, 0xFF, region.bytes);
            }

            _remaining.store(threads, std::memory_order_relaxed);
            _barrier.emplace((std::ptrdiff_t)threads);
            for (unsigned int rank = 0; rank < threads; ++rank)
            {
                _start[rank]->release();
            }

            _block_done.acquire();
        }

        _barrier.reset();
    }

    void stop_workers()
    {
        _stopping = true;
        for (auto& start : _start)
        {
            start->release();
        }

        for (auto& worker : _workers)
        {
            worker.join();
        }

        _workers.clear();
        _start.clear();
        _stopping = false;
    }

private:
    std::vector<std::thread> _workers;
    std::vector<std::unique_ptr<std::binary_semaphore>> _start;
    std::binary_semaphore _block_done{0};
    std::atomic<unsigned int> _remaining{0};
    std::optional<std::barrier<>> _barrier;
    std::vector<unsigned int> _thread_of_rank;
    dim3 _grid{1, 1, 1};
    dim3 _block{1, 1, 1};
    uint3 _block_index{0, 0, 0};
    kernel_function _function = nullptr;
    void* _arguments = nullptr;
    bool _stopping = false;

    void ensure_workers(unsigned int count)
    {
        while (_workers.size() < count)
        {
            const unsigned int rank = (unsigned int)_workers.size();
            _start.push_back(std::make_unique<std::binary_semaphore>(0));
            // The worker keeps its own semaphore: _start may grow (and move) while it runs.
            std::binary_semaphore* start = _start.back().get();
            _workers.emplace_back([this, rank, start] { work(rank, *start); });
        }
    }

    void work(unsigned int rank, std::binary_semaphore& start)
    {
        for (;;)
        {
            start.acquire();
            if (_stopping)
            {
                return;
            }

            threadIdx = uint3{_thread_of_rank[rank], 0, 0};
            blockIdx = _block_index;
            blockDim = _block;
            gridDim = _grid;
            current_barrier = &*_barrier;
            _function(_arguments);
            // Returning, early or not, takes the thread out of the barrier: the rest of the block does not wait for it.
            current_barrier->arrive_and_drop();
            current_barrier = nullptr;
            if (_remaining.fetch_sub(1, std::memory_order_acq_rel) == 1)
            {
                _block_done.release();
            }
        }
    }
};

// Never destroyed: workers may still be parked when the process exits.
pool& the_pool()
{
    static pool* instance = new pool();
    return *instance;
}
} // namespace

void syncthreads() { current_barrier->arrive_and_wait(); }

void launch(unsigned int grid_x, unsigned int grid_y, unsigned int grid_z, unsigned int block_threads, unsigned int seed,
            kernel_function function, void* arguments)
{
    pool& p = the_pool();
    std::lock_guard<std::mutex> lock(p.launch_mutex);
    p.launch(dim3{grid_x, grid_y, grid_z}, block_threads, seed, function, arguments);
}
} // namespace ng_emu

// ---- control, called by the host ----
// The shared-memory regions to poison before every block, as offsets from ng_emu::anchor (found with nm by the host).
NG_EMU_EXPORT void netgen_emu_set_shared(const long long* offsets, const long long* sizes, int count)
{
    auto& pool = ng_emu::the_pool();
    std::lock_guard<std::mutex> lock(pool.launch_mutex);
    pool.shared_regions.clear();
    for (int i = 0; i < count; ++i)
    {
        pool.shared_regions.push_back(ng_emu::shared_region{&ng_emu::anchor + offsets[i], (std::size_t)sizes[i]});
    }
}

// A user of the library: the worker threads live while there is one.
NG_EMU_EXPORT void netgen_emu_attach()
{
    auto& pool = ng_emu::the_pool();
    std::lock_guard<std::mutex> lock(pool.launch_mutex);
    ++pool.attached;
}

NG_EMU_EXPORT void netgen_emu_detach()
{
    auto& pool = ng_emu::the_pool();
    std::lock_guard<std::mutex> lock(pool.launch_mutex);
    if (--pool.attached <= 0)
    {
        pool.attached = 0;
        pool.stop_workers();
    }
}
#endif // NG_EMU_RUNTIME
