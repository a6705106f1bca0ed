// An emulated CUDA driver: the driver-API functions NetGen's runtime declares (NetGen.Cuda.Interop.CudaDriverNative),
// with cuda.h's C signatures and versioned names, implemented on the host, so that CudaSession runs on the CPU in tests.
//
//   * One device ("NetGen emulated device", compute capability 8.0) and its primary context, retained and released as
//     on a GPU; a thread has no current context until cuCtxSetCurrent, and context-bound calls fail without one.
//   * Device memory is host memory: cuMemAlloc_v2 returns the address of an aligned host block as the CUdeviceptr, so
//     kernels that receive device pointers in kernelParams read and write it directly. Every copy and memset checks
//     that its device range lies inside one live allocation (CUDA_ERROR_INVALID_VALUE otherwise).
//   * Streams are queues; work runs lazily, at the latest moment the host can observe it: cuStreamSynchronize,
//     cuEventSynchronize, cuCtxSynchronize, a copy to pageable memory, a free, an unload. cuStreamWaitEvent orders a
//     stream after the event's stream up to the event's record. A session that reads results without the right wait,
//     or reuses pinned memory before its copy has left, sees stale data. netgen_emulated_driver_set_immediate(1) runs
//     every operation at once instead (also a valid schedule).
//   * Modules cannot be PTX: the test registers the emulation library built from the same CUDA source
//     (netgen_emulated_driver_register_kernels), which cuModuleLoadData dlopens, whatever the image holds;
//     cuModuleGetFunction resolves netgen_launch_<kernel>; cuLaunchKernel copies the arguments (by the registered
//     parameter sizes) and checks a GPU's launch limits.
//   * Graphs and capture: cuStreamBeginCapture_v2 turns a stream to capturing; until cuStreamEndCapture, what would be
//     queued on it becomes a node of the capture's graph instead (a launch: a kernel node holding function, grid, block
//     and a copy of the argument cells; a copy or memset: an opaque node holding its operation), one after another. What
//     a capture cannot record (a synchronization of the stream or context, a copy to or from pageable memory, a wait on
//     an event recorded outside it, an event record, a synchronous call from a thread the mode restricts) returns its
//     error and invalidates the capture: cuStreamEndCapture then reports CUDA_ERROR_STREAM_CAPTURE_INVALIDATED and no
//     graph. cuGraphInstantiateWithFlags copies the graph's nodes into the exec (which outlives its graph);
//     cuGraphLaunch queues them on a stream, lazily like all work, each with its parameters as they are at the launch,
//     after the exec's previous launch; cuGraphExecKernelNodeSetParams changes a kernel node's for later launches only.
//     The legacy default stream cannot capture, and a graph launch into a capturing stream is refused (no child graphs).
//   * netgen_emulated_driver_counts reports what is live (allocations, modules, streams, events, context retains, graphs,
//     graph execs), so tests can assert that a session releases everything, and counts launches: kernels run, refused,
//     enqueued by cuLaunchKernel outside a capture (host launch calls), and graph launches.
//
// One mutex serializes every call; the kernels run under it.

#include <dlfcn.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#define NG_DRIVER_EXPORT extern "C" __attribute__((visibility("default")))

typedef int CUresult;
typedef int CUdevice;
typedef unsigned long long CUdeviceptr;
typedef struct ng_context* CUcontext;
typedef struct ng_module* CUmodule;
typedef struct ng_function* CUfunction;
typedef struct ng_stream* CUstream;
typedef struct ng_event* CUevent;
typedef struct ng_graph* CUgraph;
typedef struct ng_graph_node* CUgraphNode;
typedef struct ng_graph_exec* CUgraphExec;

// CUDA_KERNEL_NODE_PARAMS_v1.
typedef struct
{
    CUfunction func;
    unsigned int gridDimX;
    unsigned int gridDimY;
    unsigned int gridDimZ;
    unsigned int blockDimX;
    unsigned int blockDimY;
    unsigned int blockDimZ;
    unsigned int sharedMemBytes;
    void** kernelParams;
    void** extra;
} CUDA_KERNEL_NODE_PARAMS;

namespace
{
enum : CUresult
{
    SUCCESS = 0,
    INVALID_VALUE = 1,
    OUT_OF_MEMORY = 2,
    NOT_INITIALIZED = 3,
    INVALID_DEVICE = 101,
    INVALID_IMAGE = 200,
    INVALID_CONTEXT = 201,
    SHARED_OBJECT_INIT_FAILED = 303,
    INVALID_HANDLE = 400,
    ILLEGAL_STATE = 401,
    NOT_FOUND = 500,
    NOT_READY = 600,
    LAUNCH_OUT_OF_RESOURCES = 701,
    LAUNCH_FAILED = 719,
    NOT_SUPPORTED = 801,
    STREAM_CAPTURE_UNSUPPORTED = 900,
    STREAM_CAPTURE_INVALIDATED = 901,
    STREAM_CAPTURE_ISOLATION = 905,
    STREAM_CAPTURE_IMPLICIT = 906,
    STREAM_CAPTURE_WRONG_THREAD = 908,
};

struct error_text
{
    CUresult code;
    const char* name;
    const char* description;
};

const error_text errors[] = {
    {SUCCESS, "CUDA_SUCCESS", "no error"},
    {INVALID_VALUE, "CUDA_ERROR_INVALID_VALUE", "invalid argument"},
    {OUT_OF_MEMORY, "CUDA_ERROR_OUT_OF_MEMORY", "out of memory"},
    {NOT_INITIALIZED, "CUDA_ERROR_NOT_INITIALIZED", "initialization error"},
    {INVALID_DEVICE, "CUDA_ERROR_INVALID_DEVICE", "invalid device ordinal"},
    {INVALID_IMAGE, "CUDA_ERROR_INVALID_IMAGE", "device kernel image is invalid"},
    {INVALID_CONTEXT, "CUDA_ERROR_INVALID_CONTEXT", "invalid device context"},
    {SHARED_OBJECT_INIT_FAILED, "CUDA_ERROR_SHARED_OBJECT_INIT_FAILED", "shared object initialization failed"},
    {INVALID_HANDLE, "CUDA_ERROR_INVALID_HANDLE", "invalid resource handle"},
    {ILLEGAL_STATE, "CUDA_ERROR_ILLEGAL_STATE", "the operation cannot be performed in the present state"},
    {NOT_FOUND, "CUDA_ERROR_NOT_FOUND", "named symbol not found"},
    {NOT_READY, "CUDA_ERROR_NOT_READY", "device not ready"},
    {LAUNCH_OUT_OF_RESOURCES, "CUDA_ERROR_LAUNCH_OUT_OF_RESOURCES", "too many resources requested for launch"},
    {LAUNCH_FAILED, "CUDA_ERROR_LAUNCH_FAILED", "unspecified launch failure"},
    {NOT_SUPPORTED, "CUDA_ERROR_NOT_SUPPORTED", "operation not supported"},
    {STREAM_CAPTURE_UNSUPPORTED, "CUDA_ERROR_STREAM_CAPTURE_UNSUPPORTED", "operation not permitted when stream is capturing"},
    {STREAM_CAPTURE_INVALIDATED, "CUDA_ERROR_STREAM_CAPTURE_INVALIDATED", "operation failed due to a previous error during capture"},
    {STREAM_CAPTURE_ISOLATION, "CUDA_ERROR_STREAM_CAPTURE_ISOLATION", "dependency created on uncaptured work in another stream"},
    {STREAM_CAPTURE_IMPLICIT, "CUDA_ERROR_STREAM_CAPTURE_IMPLICIT", "operation would make the legacy stream depend on a capturing blocking stream"},
    {STREAM_CAPTURE_WRONG_THREAD, "CUDA_ERROR_STREAM_CAPTURE_WRONG_THREAD", "attempt to terminate a thread-local capture sequence from another thread"},
};

// CUstreamCaptureMode and CUstreamCaptureStatus.
enum : int
{
    CAPTURE_MODE_GLOBAL = 0,
    CAPTURE_MODE_THREAD_LOCAL = 1,
    CAPTURE_MODE_RELAXED = 2,
};

enum : int
{
    CAPTURE_NONE = 0,
    CAPTURE_ACTIVE = 1,
    CAPTURE_INVALIDATED = 2,
};

// The device's figures: an A100-like GPU, as far as the runtime asks.
constexpr const char* device_name = "NetGen emulated device";
constexpr int driver_version = 12020; // CUDA 12.2: loads what NVRTC 11.x and 12.0-12.2 compile
constexpr unsigned long long total_memory = 40ull << 30;
constexpr unsigned long long grid_x_limit = 2147483647ull;
constexpr unsigned int grid_yz_limit = 65535;
constexpr unsigned int block_threads_limit = 1024;

typedef void (*launcher)(unsigned, unsigned, unsigned, unsigned, void**, unsigned);
typedef void (*control)();

struct kernel_info
{
    launcher entry = nullptr;
    std::vector<int> parameter_bytes;
};

struct registration
{
    std::string path;
    std::map<std::string, std::vector<int>> parameters;
};
} // namespace

struct ng_context
{
    int retains = 0;
};

struct ng_module
{
    void* library = nullptr;
    control detach = nullptr;
    registration registered;
    std::set<CUfunction> functions;
};

struct ng_function
{
    CUmodule module = nullptr;
    std::string name;
    launcher entry = nullptr;
    std::vector<int> parameter_bytes;
};

// A node of a graph: a kernel launch (function, grid, block and the argument cells) or an opaque operation (a copy or
// a memset).
struct ng_graph_node
{
    CUfunction function = nullptr; // null: an opaque node
    unsigned int grid_x = 0;
    unsigned int grid_y = 0;
    unsigned int grid_z = 0;
    unsigned int block_x = 0;
    std::vector<unsigned long long> cells;
    std::function<void()> operation;
};

struct ng_graph
{
    std::vector<std::shared_ptr<ng_graph_node>> nodes; // in capture order; each one's address is its CUgraphNode
};

struct ng_stream;

struct ng_graph_exec
{
    std::vector<ng_graph_node> nodes;                   // the exec's own copies, as SetParams leaves them
    std::vector<std::shared_ptr<ng_graph_node>> origins; // the graph node each copy came from (kept, so no other node takes its address)
    std::shared_ptr<ng_stream> last_stream;              // of the last launch; null before the first
    unsigned long long last_at = 0;                      // the stream's sequence number of that launch's last operation
};

struct ng_stream
{
    std::deque<std::function<void()>> queue;
    unsigned long long enqueued = 0;
    unsigned long long executed = 0;
    unsigned int flags = 0;
    int capture = CAPTURE_NONE;
    std::unique_ptr<ng_graph> capturing; // the capture's graph while capture != CAPTURE_NONE
    unsigned long long capture_id = 0;
    int capture_mode = CAPTURE_MODE_GLOBAL;
    std::thread::id capture_thread;
    CUgraphNode dependencies[1] = {nullptr}; // what cuStreamGetCaptureInfo_v2 last returned
};

struct ng_event
{
    std::shared_ptr<ng_stream> stream; // of the last record; null before the first
    unsigned long long at = 0;          // the stream's sequence number of the record
    unsigned int flags = 0;
    bool completed_once = false;
    std::chrono::steady_clock::time_point time;
};

namespace
{
std::mutex gate;
bool initialized = false;
bool immediate = false;
int fail_allocations_after = -1; // negative: never
int fail_launches_after = -1;     // negative: never
ng_context primary;
thread_local CUcontext current = nullptr;
std::map<std::uintptr_t, std::size_t> device_blocks;
std::map<std::uintptr_t, std::size_t> host_blocks;
std::set<CUmodule> modules;
std::map<CUstream, std::shared_ptr<ng_stream>> streams;
std::set<CUevent> events;
std::shared_ptr<ng_stream> default_stream = std::make_shared<ng_stream>();
registration registered;
bool has_registration = false;
unsigned long long launches_run = 0;
unsigned long long launches_refused = 0;
unsigned long long host_launches = 0;  // kernels enqueued by cuLaunchKernel outside a capture
unsigned long long graph_launches = 0; // cuGraphLaunch calls that enqueued their exec
unsigned long long next_capture_id = 1;
std::set<CUgraph> graphs;
std::set<CUgraphExec> graph_execs;
unsigned long long base_seed = 0x5EED;

bool has_context() { return current == &primary && primary.retains > 0; }

// Whether [address, address + bytes) lies inside one block of blocks.
bool inside(const std::map<std::uintptr_t, std::size_t>& blocks, std::uintptr_t address, std::size_t bytes)
{
    auto after = blocks.upper_bound(address);
    if (after == blocks.begin())
    {
        return false;
    }

    --after;
    return address >= after->first && address - after->first <= after->second && bytes <= after->second - (address - after->first);
}

bool device_range(CUdeviceptr address, std::size_t bytes) { return address != 0 && inside(device_blocks, (std::uintptr_t)address, bytes); }

bool pinned(const void* address, std::size_t bytes) { return inside(host_blocks, (std::uintptr_t)address, bytes); }

std::shared_ptr<ng_stream> stream_of(CUstream handle)
{
    if (handle == nullptr)
    {
        return default_stream;
    }

    auto found = streams.find(handle);
    return found == streams.end() ? nullptr : found->second;
}

// Runs the stream's operations up to and including sequence number `until`.
void run_until(ng_stream& stream, unsigned long long until)
{
    while (stream.executed < until && !stream.queue.empty())
    {
        auto operation = std::move(stream.queue.front());
        stream.queue.pop_front();
        operation();
        ++stream.executed;
    }
}

void run_all(ng_stream& stream) { run_until(stream, stream.enqueued); }

void run_everything()
{
    bool again = true;
    while (again)
    {
        again = false;
        run_all(*default_stream);
        for (auto& entry : streams)
        {
            if (!entry.second->queue.empty())
            {
                run_all(*entry.second);
                again = true;
            }
        }
    }
}

// Enqueues an operation; the legacy default stream and immediate mode run it at once (after what precedes it). On a
// capturing stream the operation becomes an opaque node of the capture's graph instead.
void enqueue(const std::shared_ptr<ng_stream>& stream, std::function<void()> operation)
{
    if (stream->capture == CAPTURE_ACTIVE)
    {
        auto node = std::make_shared<ng_graph_node>();
        node->operation = std::move(operation);
        stream->capturing->nodes.push_back(std::move(node));
        return;
    }

    if (stream == default_stream)
    {
        // The legacy default stream waits for the blocking streams; the runtime only uses non-blocking ones.
        for (auto& entry : streams)
        {
            if ((entry.second->flags & 1u) == 0)
            {
                run_all(*entry.second);
            }
        }
    }

    stream->queue.push_back(std::move(operation));
    ++stream->enqueued;
    if (immediate || stream == default_stream)
    {
        run_all(*stream);
    }
}

// Enqueues a kernel with the given argument cells (copied already), counting it in launches_run when it runs.
void enqueue_kernel(const std::shared_ptr<ng_stream>& stream, const ng_graph_node& kernel)
{
    auto cells = std::make_shared<std::vector<unsigned long long>>(kernel.cells);
    const unsigned int seed = (unsigned int)((base_seed ^ (launches_run + launches_refused)) * 0x9E3779B97F4A7C15ull >> 32) ^ (unsigned int)stream->enqueued;
    launcher entry = kernel.function->entry;
    const unsigned int grid_x = kernel.grid_x, grid_y = kernel.grid_y, grid_z = kernel.grid_z, block_x = kernel.block_x;
    enqueue(stream, [entry, grid_x, grid_y, grid_z, block_x, cells, seed] {
        std::vector<void*> pointers(cells->size());
        for (std::size_t i = 0; i < cells->size(); ++i)
        {
            pointers[i] = &(*cells)[i];
        }

        entry(grid_x, grid_y, grid_z, block_x, pointers.empty() ? nullptr : pointers.data(), seed);
        ++launches_run;
    });
}

bool known_function(CUfunction function)
{
    for (CUmodule module : modules)
    {
        if (module->functions.count(function) != 0)
        {
            return true;
        }
    }

    return false;
}

// A launch's configuration against a GPU's limits (tests/NetGen.CudaEmulation.Tests/Harness/LaunchLimits.cs), for
// cuLaunchKernel and cuGraphExecKernelNodeSetParams alike; blocks are 1-D here, and there is no dynamic shared memory
// or `extra` parameter block. On success `kernel` holds the function, grid, block and a copy of the argument cells
// (by the registered parameter sizes), as the driver copies them at the call: the caller may change its cells right after.
CUresult configure_launch(CUfunction function, unsigned int grid_x, unsigned int grid_y, unsigned int grid_z, unsigned int block_x, unsigned int block_y,
                          unsigned int block_z, unsigned int shared_bytes, void** parameters, void** extra, ng_graph_node& kernel)
{
    if (grid_x == 0 || grid_y == 0 || grid_z == 0 || grid_x > grid_x_limit || grid_y > grid_yz_limit || grid_z > grid_yz_limit || block_x == 0 ||
        block_x > block_threads_limit || block_y != 1 || block_z != 1 || shared_bytes != 0 || extra != nullptr ||
        (parameters == nullptr && !function->parameter_bytes.empty()))
    {
        return INVALID_VALUE;
    }

    std::vector<unsigned long long> cells(function->parameter_bytes.size(), 0ull);
    for (std::size_t i = 0; i < cells.size(); ++i)
    {
        if (parameters[i] == nullptr)
        {
            return INVALID_VALUE;
        }

        std::memcpy(&cells[i], parameters[i], (std::size_t)function->parameter_bytes[i]);
    }

    kernel.function = function;
    kernel.grid_x = grid_x;
    kernel.grid_y = grid_y;
    kernel.grid_z = grid_z;
    kernel.block_x = block_x;
    kernel.cells = std::move(cells);
    return SUCCESS;
}

// Invalidates the stream's capture, if active, and returns `error`: what the driver does for a call the capture cannot record.
CUresult invalidate(ng_stream& stream, CUresult error)
{
    if (stream.capture == CAPTURE_ACTIVE)
    {
        stream.capture = CAPTURE_INVALIDATED;
    }

    return error;
}

// What work enqueued on the stream meets: nothing (SUCCESS), or the invalidated capture it would join.
CUresult capture_state_refusal(const ng_stream& stream) { return stream.capture == CAPTURE_INVALIDATED ? STREAM_CAPTURE_INVALIDATED : SUCCESS; }

// A potentially unsafe call (a synchronous copy or memset) by this thread: prohibited while this thread has a capture in
// progress that is not relaxed, or any thread has a global one (this thread's capture interaction mode being the
// default, global). Each such capture is invalidated, and the call fails with CUDA_ERROR_STREAM_CAPTURE_IMPLICIT.
CUresult unsafe_call_refusal()
{
    const auto self = std::this_thread::get_id();
    CUresult result = SUCCESS;
    for (auto& entry : streams)
    {
        ng_stream& stream = *entry.second;
        if (stream.capture != CAPTURE_NONE &&
            ((stream.capture_thread == self && stream.capture_mode != CAPTURE_MODE_RELAXED) || stream.capture_mode == CAPTURE_MODE_GLOBAL))
        {
            result = invalidate(stream, STREAM_CAPTURE_IMPLICIT);
        }
    }

    return result;
}

void* aligned_block(std::size_t bytes)
{
    const std::size_t rounded = (bytes + 255) / 256 * 256;
    return std::aligned_alloc(256, rounded == 0 ? 256 : rounded);
}

// Whether the call a countdown stands for fails: never while it is negative, always once it is 0; each call that passes counts it down.
bool countdown_fails(int& remaining)
{
    if (remaining < 0)
    {
        return false;
    }

    if (remaining == 0)
    {
        return true;
    }

    --remaining;
    return false;
}

bool allocation_fails() { return countdown_fails(fail_allocations_after); }

#define NG_REQUIRE_INIT()          \
    if (!initialized)              \
    {                              \
        return NOT_INITIALIZED;    \
    }

#define NG_REQUIRE_CONTEXT()       \
    NG_REQUIRE_INIT();             \
    if (!has_context())            \
    {                              \
        return INVALID_CONTEXT;    \
    }
} // namespace

// ---- initialization, version, errors ----

NG_DRIVER_EXPORT CUresult cuInit(unsigned int flags)
{
    std::lock_guard<std::mutex> lock(gate);
    if (flags != 0)
    {
        return INVALID_VALUE;
    }

    initialized = true;
    return SUCCESS;
}

NG_DRIVER_EXPORT CUresult cuDriverGetVersion(int* version)
{
    if (version == nullptr)
    {
        return INVALID_VALUE;
    }

    *version = driver_version;
    return SUCCESS;
}

NG_DRIVER_EXPORT CUresult cuGetErrorName(CUresult error, const char** name)
{
    if (name == nullptr)
    {
        return INVALID_VALUE;
    }

    for (const auto& entry : errors)
    {
        if (entry.code == error)
        {
            *name = entry.name;
            return SUCCESS;
        }
    }

    *name = nullptr;
    return INVALID_VALUE;
}

NG_DRIVER_EXPORT CUresult cuGetErrorString(CUresult error, const char** description)
{
    if (description == nullptr)
    {
        return INVALID_VALUE;
    }

    for (const auto& entry : errors)
    {
        if (entry.code == error)
        {
            *description = entry.description;
            return SUCCESS;
        }
    }

    *description = nullptr;
    return INVALID_VALUE;
}

// ---- the device ----

NG_DRIVER_EXPORT CUresult cuDeviceGetCount(int* count)
{
    std::lock_guard<std::mutex> lock(gate);
    NG_REQUIRE_INIT();
    if (count == nullptr)
    {
        return INVALID_VALUE;
    }

    *count = 1;
    return SUCCESS;
}

NG_DRIVER_EXPORT CUresult cuDeviceGet(CUdevice* device, int ordinal)
{
    std::lock_guard<std::mutex> lock(gate);
    NG_REQUIRE_INIT();
    if (device == nullptr)
    {
        return INVALID_VALUE;
    }

    if (ordinal != 0)
    {
        return INVALID_DEVICE;
    }

    *device = 0;
    return SUCCESS;
}

NG_DRIVER_EXPORT CUresult cuDeviceGetName(char* name, int length, CUdevice device)
{
    std::lock_guard<std::mutex> lock(gate);
    NG_REQUIRE_INIT();
    if (device != 0)
    {
        return INVALID_DEVICE;
    }

    if (name == nullptr || length <= 0)
    {
        return INVALID_VALUE;
    }

    std::strncpy(name, device_name, (std::size_t)length - 1);
    name[length - 1] = '\0';
    return SUCCESS;
}

NG_DRIVER_EXPORT CUresult cuDeviceGetAttribute(int* value, int attribute, CUdevice device)
{
    std::lock_guard<std::mutex> lock(gate);
    NG_REQUIRE_INIT();
    if (device != 0)
    {
        return INVALID_DEVICE;
    }

    if (value == nullptr)
    {
        return INVALID_VALUE;
    }

    switch (attribute)
    {
    case 1: *value = (int)block_threads_limit; return SUCCESS;      // MAX_THREADS_PER_BLOCK
    case 2: *value = block_threads_limit; return SUCCESS;           // MAX_BLOCK_DIM_X
    case 3: *value = block_threads_limit; return SUCCESS;           // MAX_BLOCK_DIM_Y
    case 4: *value = 64; return SUCCESS;                            // MAX_BLOCK_DIM_Z
    case 5: *value = (int)grid_x_limit; return SUCCESS;             // MAX_GRID_DIM_X
    case 6: *value = (int)grid_yz_limit; return SUCCESS;            // MAX_GRID_DIM_Y
    case 7: *value = (int)grid_yz_limit; return SUCCESS;            // MAX_GRID_DIM_Z
    case 8: *value = 48 * 1024; return SUCCESS;                     // MAX_SHARED_MEMORY_PER_BLOCK
    case 10: *value = 32; return SUCCESS;                           // WARP_SIZE
    case 16: *value = 108; return SUCCESS;                          // MULTIPROCESSOR_COUNT
    case 39: *value = 2048; return SUCCESS;                         // MAX_THREADS_PER_MULTIPROCESSOR
    case 75: *value = 8; return SUCCESS;                            // COMPUTE_CAPABILITY_MAJOR
    case 76: *value = 0; return SUCCESS;                            // COMPUTE_CAPABILITY_MINOR
    case 81: *value = 164 * 1024; return SUCCESS;                   // MAX_SHARED_MEMORY_PER_MULTIPROCESSOR
    case 82: *value = 65536; return SUCCESS;                        // MAX_REGISTERS_PER_MULTIPROCESSOR
    case 97: *value = 163 * 1024; return SUCCESS;                   // MAX_SHARED_MEMORY_PER_BLOCK_OPTIN
    default: return INVALID_VALUE;
    }
}

NG_DRIVER_EXPORT CUresult cuDeviceTotalMem_v2(std::size_t* bytes, CUdevice device)
{
    std::lock_guard<std::mutex> lock(gate);
    NG_REQUIRE_INIT();
    if (device != 0)
    {
        return INVALID_DEVICE;
    }

    if (bytes == nullptr)
    {
        return INVALID_VALUE;
    }

    *bytes = (std::size_t)total_memory;
    return SUCCESS;
}

// ---- the primary context ----

NG_DRIVER_EXPORT CUresult cuDevicePrimaryCtxRetain(CUcontext* context, CUdevice device)
{
    std::lock_guard<std::mutex> lock(gate);
    NG_REQUIRE_INIT();
    if (device != 0)
    {
        return INVALID_DEVICE;
    }

    if (context == nullptr)
    {
        return INVALID_VALUE;
    }

    ++primary.retains;
    *context = &primary;
    return SUCCESS;
}

NG_DRIVER_EXPORT CUresult cuDevicePrimaryCtxRelease_v2(CUdevice device)
{
    std::lock_guard<std::mutex> lock(gate);
    NG_REQUIRE_INIT();
    if (device != 0)
    {
        return INVALID_DEVICE;
    }

    if (primary.retains == 0)
    {
        return INVALID_CONTEXT;
    }

    if (--primary.retains == 0)
    {
        // The context goes, and with it its work; its memory stays counted, so a session that forgot to free shows.
        run_everything();
    }

    return SUCCESS;
}

NG_DRIVER_EXPORT CUresult cuDevicePrimaryCtxGetState(CUdevice device, unsigned int* flags, int* active)
{
    std::lock_guard<std::mutex> lock(gate);
    NG_REQUIRE_INIT();
    if (device != 0)
    {
        return INVALID_DEVICE;
    }

    if (flags == nullptr || active == nullptr)
    {
        return INVALID_VALUE;
    }

    *flags = 0;
    *active = primary.retains > 0 ? 1 : 0;
    return SUCCESS;
}

NG_DRIVER_EXPORT CUresult cuCtxSetCurrent(CUcontext context)
{
    std::lock_guard<std::mutex> lock(gate);
    NG_REQUIRE_INIT();
    if (context != nullptr && (context != &primary || primary.retains == 0))
    {
        return INVALID_CONTEXT;
    }

    current = context;
    return SUCCESS;
}

NG_DRIVER_EXPORT CUresult cuCtxSynchronize()
{
    std::lock_guard<std::mutex> lock(gate);
    NG_REQUIRE_CONTEXT();
    CUresult refusal = SUCCESS;
    for (auto& entry : streams)
    {
        if (entry.second->capture != CAPTURE_NONE)
        {
            // It would wait for a capturing stream, whose work is not work yet.
            refusal = invalidate(*entry.second, STREAM_CAPTURE_UNSUPPORTED);
        }
    }

    if (refusal != SUCCESS)
    {
        return refusal;
    }

    run_everything();
    return SUCCESS;
}

// ---- modules ----

NG_DRIVER_EXPORT CUresult cuModuleLoadData(CUmodule* module, const void* image)
{
    std::lock_guard<std::mutex> lock(gate);
    NG_REQUIRE_CONTEXT();
    if (module == nullptr || image == nullptr)
    {
        return INVALID_VALUE;
    }

    if (!has_registration)
    {
        // Nothing to run the image with: as a driver refuses an image it cannot load.
        return INVALID_IMAGE;
    }

    void* library = dlopen(registered.path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (library == nullptr)
    {
        return SHARED_OBJECT_INIT_FAILED;
    }

    auto attach = (control)dlsym(library, "netgen_emu_attach");
    auto detach = (control)dlsym(library, "netgen_emu_detach");
    if (attach == nullptr || detach == nullptr)
    {
        dlclose(library);
        return SHARED_OBJECT_INIT_FAILED;
    }

    attach();
    auto* loaded = new ng_module();
    loaded->library = library;
    loaded->detach = detach;
    loaded->registered = registered;
    modules.insert(loaded);
    *module = loaded;
    return SUCCESS;
}

NG_DRIVER_EXPORT CUresult cuModuleUnload(CUmodule module)
{
    std::lock_guard<std::mutex> lock(gate);
    NG_REQUIRE_CONTEXT();
    if (modules.erase(module) == 0)
    {
        return INVALID_HANDLE;
    }

    run_everything(); // its kernels may still be queued
    for (CUfunction function : module->functions)
    {
        delete function;
    }

    module->detach();
    dlclose(module->library);
    delete module;
    return SUCCESS;
}

NG_DRIVER_EXPORT CUresult cuModuleGetFunction(CUfunction* function, CUmodule module, const char* name)
{
    std::lock_guard<std::mutex> lock(gate);
    NG_REQUIRE_CONTEXT();
    if (function == nullptr || name == nullptr)
    {
        return INVALID_VALUE;
    }

    if (modules.count(module) == 0)
    {
        return INVALID_HANDLE;
    }

    auto parameters = module->registered.parameters.find(name);
    auto entry = (launcher)dlsym(module->library, (std::string("netgen_launch_") + name).c_str());
    if (entry == nullptr || parameters == module->registered.parameters.end())
    {
        return NOT_FOUND;
    }

    auto* found = new ng_function();
    found->module = module;
    found->name = name;
    found->entry = entry;
    found->parameter_bytes = parameters->second;
    module->functions.insert(found);
    *function = found;
    return SUCCESS;
}

// ---- memory ----

NG_DRIVER_EXPORT CUresult cuMemAlloc_v2(CUdeviceptr* pointer, std::size_t bytes)
{
    std::lock_guard<std::mutex> lock(gate);
    NG_REQUIRE_CONTEXT();
    if (pointer == nullptr || bytes == 0)
    {
        return INVALID_VALUE;
    }

    if (bytes > total_memory || allocation_fails())
    {
        return OUT_OF_MEMORY;
    }

    void* block = aligned_block(bytes);
    if (block == nullptr)
    {
        return OUT_OF_MEMORY;
    }

    device_blocks[(std::uintptr_t)block] = bytes;
    *pointer = (CUdeviceptr)(std::uintptr_t)block;
    return SUCCESS;
}

NG_DRIVER_EXPORT CUresult cuMemFree_v2(CUdeviceptr pointer)
{
    std::lock_guard<std::mutex> lock(gate);
    NG_REQUIRE_CONTEXT();
    auto found = device_blocks.find((std::uintptr_t)pointer);
    if (found == device_blocks.end())
    {
        return INVALID_VALUE;
    }

    run_everything(); // cuMemFree waits for the work that may use the block
    device_blocks.erase(found);
    std::free((void*)(std::uintptr_t)pointer);
    return SUCCESS;
}

NG_DRIVER_EXPORT CUresult cuMemAllocHost_v2(void** pointer, std::size_t bytes)
{
    std::lock_guard<std::mutex> lock(gate);
    NG_REQUIRE_CONTEXT();
    if (pointer == nullptr || bytes == 0)
    {
        return INVALID_VALUE;
    }

    if (allocation_fails())
    {
        return OUT_OF_MEMORY;
    }

    void* block = aligned_block(bytes);
    if (block == nullptr)
    {
        return OUT_OF_MEMORY;
    }

    host_blocks[(std::uintptr_t)block] = bytes;
    *pointer = block;
    return SUCCESS;
}

NG_DRIVER_EXPORT CUresult cuMemFreeHost(void* pointer)
{
    std::lock_guard<std::mutex> lock(gate);
    NG_REQUIRE_CONTEXT();
    auto found = host_blocks.find((std::uintptr_t)pointer);
    if (found == host_blocks.end())
    {
        return INVALID_VALUE;
    }

    run_everything();
    host_blocks.erase(found);
    std::free(pointer);
    return SUCCESS;
}

NG_DRIVER_EXPORT CUresult cuMemcpyHtoD_v2(CUdeviceptr destination, const void* source, std::size_t bytes)
{
    std::lock_guard<std::mutex> lock(gate);
    NG_REQUIRE_CONTEXT();
    if (CUresult refusal = unsafe_call_refusal(); refusal != SUCCESS)
    {
        return refusal;
    }

    if ((source == nullptr && bytes > 0) || !device_range(destination, bytes))
    {
        return INVALID_VALUE;
    }

    std::memcpy((void*)(std::uintptr_t)destination, source, bytes);
    return SUCCESS;
}

NG_DRIVER_EXPORT CUresult cuMemcpyDtoH_v2(void* destination, CUdeviceptr source, std::size_t bytes)
{
    std::lock_guard<std::mutex> lock(gate);
    NG_REQUIRE_CONTEXT();
    if (CUresult refusal = unsafe_call_refusal(); refusal != SUCCESS)
    {
        return refusal;
    }

    if ((destination == nullptr && bytes > 0) || !device_range(source, bytes))
    {
        return INVALID_VALUE;
    }

    std::memcpy(destination, (const void*)(std::uintptr_t)source, bytes);
    return SUCCESS;
}

NG_DRIVER_EXPORT CUresult cuMemcpyHtoDAsync_v2(CUdeviceptr destination, const void* source, std::size_t bytes, CUstream handle)
{
    std::lock_guard<std::mutex> lock(gate);
    NG_REQUIRE_CONTEXT();
    auto stream = stream_of(handle);
    if (stream == nullptr)
    {
        return INVALID_HANDLE;
    }

    if (CUresult refusal = capture_state_refusal(*stream); refusal != SUCCESS)
    {
        return refusal;
    }

    if ((source == nullptr && bytes > 0) || !device_range(destination, bytes))
    {
        return INVALID_VALUE;
    }

    auto* target = (void*)(std::uintptr_t)destination;
    if (stream->capture == CAPTURE_ACTIVE && !pinned(source, bytes))
    {
        return invalidate(*stream, STREAM_CAPTURE_UNSUPPORTED); // a copy from pageable memory is staged at the call, not in a graph
    }

    if (pinned(source, bytes))
    {
        // Read when the copy runs: the host must not change the pinned source until then.
        enqueue(stream, [target, source, bytes] { std::memcpy(target, source, bytes); });
    }
    else
    {
        // From pageable memory the driver takes the values into a staging buffer before returning.
        auto staged = std::make_shared<std::vector<unsigned char>>((const unsigned char*)source, (const unsigned char*)source + bytes);
        enqueue(stream, [target, staged] { std::memcpy(target, staged->data(), staged->size()); });
    }

    return SUCCESS;
}

NG_DRIVER_EXPORT CUresult cuMemcpyDtoHAsync_v2(void* destination, CUdeviceptr source, std::size_t bytes, CUstream handle)
{
    std::lock_guard<std::mutex> lock(gate);
    NG_REQUIRE_CONTEXT();
    auto stream = stream_of(handle);
    if (stream == nullptr)
    {
        return INVALID_HANDLE;
    }

    if (CUresult refusal = capture_state_refusal(*stream); refusal != SUCCESS)
    {
        return refusal;
    }

    if ((destination == nullptr && bytes > 0) || !device_range(source, bytes))
    {
        return INVALID_VALUE;
    }

    if (stream->capture == CAPTURE_ACTIVE && !pinned(destination, bytes))
    {
        return invalidate(*stream, STREAM_CAPTURE_UNSUPPORTED); // a copy to pageable memory returns once done: a wait
    }

    const auto* from = (const void*)(std::uintptr_t)source;
    enqueue(stream, [destination, from, bytes] { std::memcpy(destination, from, bytes); });
    if (!pinned(destination, bytes))
    {
        // To pageable memory the call returns once the copy is done.
        run_all(*stream);
    }

    return SUCCESS;
}

NG_DRIVER_EXPORT CUresult cuMemcpyDtoDAsync_v2(CUdeviceptr destination, CUdeviceptr source, std::size_t bytes, CUstream handle)
{
    std::lock_guard<std::mutex> lock(gate);
    NG_REQUIRE_CONTEXT();
    auto stream = stream_of(handle);
    if (stream == nullptr)
    {
        return INVALID_HANDLE;
    }

    if (CUresult refusal = capture_state_refusal(*stream); refusal != SUCCESS)
    {
        return refusal;
    }

    if (!device_range(destination, bytes) || !device_range(source, bytes))
    {
        return INVALID_VALUE;
    }

    auto* to = (void*)(std::uintptr_t)destination;
    const auto* from = (const void*)(std::uintptr_t)source;
    enqueue(stream, [to, from, bytes] { std::memmove(to, from, bytes); });
    return SUCCESS;
}

NG_DRIVER_EXPORT CUresult cuMemsetD8_v2(CUdeviceptr destination, unsigned char value, std::size_t count)
{
    std::lock_guard<std::mutex> lock(gate);
    NG_REQUIRE_CONTEXT();
    if (CUresult refusal = unsafe_call_refusal(); refusal != SUCCESS)
    {
        return refusal;
    }

    if (!device_range(destination, count))
    {
        return INVALID_VALUE;
    }

    std::memset((void*)(std::uintptr_t)destination, value, count);
    return SUCCESS;
}

NG_DRIVER_EXPORT CUresult cuMemsetD32_v2(CUdeviceptr destination, unsigned int value, std::size_t count)
{
    std::lock_guard<std::mutex> lock(gate);
    NG_REQUIRE_CONTEXT();
    if (CUresult refusal = unsafe_call_refusal(); refusal != SUCCESS)
    {
        return refusal;
    }

    if (destination % 4 != 0 || count > SIZE_MAX / 4 || !device_range(destination, count * 4))
    {
        return INVALID_VALUE;
    }

    auto* words = (unsigned int*)(std::uintptr_t)destination;
    for (std::size_t i = 0; i < count; ++i)
    {
        words[i] = value;
    }

    return SUCCESS;
}

NG_DRIVER_EXPORT CUresult cuMemsetD32Async(CUdeviceptr destination, unsigned int value, std::size_t count, CUstream handle)
{
    std::lock_guard<std::mutex> lock(gate);
    NG_REQUIRE_CONTEXT();
    auto stream = stream_of(handle);
    if (stream == nullptr)
    {
        return INVALID_HANDLE;
    }

    if (CUresult refusal = capture_state_refusal(*stream); refusal != SUCCESS)
    {
        return refusal;
    }

    if (destination % 4 != 0 || count > SIZE_MAX / 4 || !device_range(destination, count * 4))
    {
        return INVALID_VALUE;
    }

    auto* words = (unsigned int*)(std::uintptr_t)destination;
    enqueue(stream, [words, value, count] {
        for (std::size_t i = 0; i < count; ++i)
        {
            words[i] = value;
        }
    });
    return SUCCESS;
}

// ---- streams and events ----

NG_DRIVER_EXPORT CUresult cuStreamCreate(CUstream* handle, unsigned int flags)
{
    std::lock_guard<std::mutex> lock(gate);
    NG_REQUIRE_CONTEXT();
    if (handle == nullptr || (flags & ~1u) != 0)
    {
        return INVALID_VALUE;
    }

    auto stream = std::make_shared<ng_stream>();
    stream->flags = flags;
    streams[stream.get()] = stream;
    *handle = stream.get();
    return SUCCESS;
}

NG_DRIVER_EXPORT CUresult cuStreamDestroy_v2(CUstream handle)
{
    std::lock_guard<std::mutex> lock(gate);
    NG_REQUIRE_CONTEXT();
    auto found = streams.find(handle);
    if (found == streams.end())
    {
        return INVALID_HANDLE;
    }

    // Work already enqueued still completes; events recorded in it keep the stream alive. A capture in progress ends
    // with the stream, its graph discarded.
    run_all(*found->second);
    found->second->capture = CAPTURE_NONE;
    found->second->capturing.reset();
    streams.erase(found);
    return SUCCESS;
}

NG_DRIVER_EXPORT CUresult cuStreamSynchronize(CUstream handle)
{
    std::lock_guard<std::mutex> lock(gate);
    NG_REQUIRE_CONTEXT();
    auto stream = stream_of(handle);
    if (stream == nullptr)
    {
        return INVALID_HANDLE;
    }

    if (stream->capture != CAPTURE_NONE)
    {
        return invalidate(*stream, STREAM_CAPTURE_UNSUPPORTED);
    }

    run_all(*stream);
    return SUCCESS;
}

NG_DRIVER_EXPORT CUresult cuStreamWaitEvent(CUstream handle, CUevent event, unsigned int flags)
{
    std::lock_guard<std::mutex> lock(gate);
    NG_REQUIRE_CONTEXT();
    auto stream = stream_of(handle);
    if (stream == nullptr || events.count(event) == 0)
    {
        return INVALID_HANDLE;
    }

    if (flags != 0)
    {
        return INVALID_VALUE;
    }

    if (CUresult refusal = capture_state_refusal(*stream); refusal != SUCCESS)
    {
        return refusal;
    }

    if (stream->capture == CAPTURE_ACTIVE && event->stream != nullptr)
    {
        // Events are never recorded in a capture here (cuEventRecord), so this one's record is outside it.
        return invalidate(*stream, STREAM_CAPTURE_ISOLATION);
    }

    if (event->stream == nullptr || event->stream == stream)
    {
        return SUCCESS; // never recorded (nothing to wait for), or already in this stream's order
    }

    // Waits for the record as it stands now; a later record of the event does not move the wait.
    std::shared_ptr<ng_stream> other = event->stream;
    const unsigned long long at = event->at;
    enqueue(stream, [other, at] { run_until(*other, at); });
    return SUCCESS;
}

NG_DRIVER_EXPORT CUresult cuEventCreate(CUevent* event, unsigned int flags)
{
    std::lock_guard<std::mutex> lock(gate);
    NG_REQUIRE_CONTEXT();
    if (event == nullptr || (flags & ~0xFu) != 0)
    {
        return INVALID_VALUE;
    }

    auto* created = new ng_event();
    created->flags = flags;
    events.insert(created);
    *event = created;
    return SUCCESS;
}

NG_DRIVER_EXPORT CUresult cuEventDestroy_v2(CUevent event)
{
    std::lock_guard<std::mutex> lock(gate);
    NG_REQUIRE_CONTEXT();
    if (events.erase(event) == 0)
    {
        return INVALID_HANDLE;
    }

    // The record may still be queued; its operation must not touch the event once it is gone.
    if (event->stream != nullptr)
    {
        run_until(*event->stream, event->at);
    }

    delete event;
    return SUCCESS;
}

NG_DRIVER_EXPORT CUresult cuEventRecord(CUevent event, CUstream handle)
{
    std::lock_guard<std::mutex> lock(gate);
    NG_REQUIRE_CONTEXT();
    auto stream = stream_of(handle);
    if (stream == nullptr || events.count(event) == 0)
    {
        return INVALID_HANDLE;
    }

    if (CUresult refusal = capture_state_refusal(*stream); refusal != SUCCESS)
    {
        return refusal;
    }

    if (stream->capture == CAPTURE_ACTIVE)
    {
        // A real driver records an event in a capture as a node that later waits in the capture may join. The runtime
        // never records events in a capture, and the emulation does not model capture-internal events: refused as a
        // call the capture cannot record.
        return invalidate(*stream, STREAM_CAPTURE_UNSUPPORTED);
    }

    if (event->stream != nullptr && event->stream != stream)
    {
        // A record in another stream replaces this one; the earlier record's operation must still find the event.
        run_until(*event->stream, event->at);
    }

    event->stream = stream;
    event->at = stream->enqueued + 1;
    const unsigned long long at = event->at;
    enqueue(stream, [event, at] {
        if (event->at == at)
        {
            event->time = std::chrono::steady_clock::now();
            event->completed_once = true;
        }
    });
    return SUCCESS;
}

NG_DRIVER_EXPORT CUresult cuEventSynchronize(CUevent event)
{
    std::lock_guard<std::mutex> lock(gate);
    NG_REQUIRE_CONTEXT();
    if (events.count(event) == 0)
    {
        return INVALID_HANDLE;
    }

    if (event->stream != nullptr)
    {
        run_until(*event->stream, event->at);
    }

    return SUCCESS;
}

NG_DRIVER_EXPORT CUresult cuEventElapsedTime(float* milliseconds, CUevent start, CUevent end)
{
    std::lock_guard<std::mutex> lock(gate);
    NG_REQUIRE_CONTEXT();
    if (milliseconds == nullptr)
    {
        return INVALID_VALUE;
    }

    if (events.count(start) == 0 || events.count(end) == 0 || (start->flags & 2u) != 0 || (end->flags & 2u) != 0)
    {
        return INVALID_HANDLE;
    }

    auto done = [](CUevent event) { return event->stream != nullptr && event->stream->executed >= event->at && event->completed_once; };
    if (!done(start) || !done(end))
    {
        return NOT_READY;
    }

    *milliseconds = std::chrono::duration<float, std::milli>(end->time - start->time).count();
    return SUCCESS;
}

// ---- launches ----

NG_DRIVER_EXPORT CUresult cuLaunchKernel(CUfunction function, unsigned int grid_x, unsigned int grid_y, unsigned int grid_z, unsigned int block_x,
                                         unsigned int block_y, unsigned int block_z, unsigned int shared_bytes, CUstream handle, void** parameters,
                                         void** extra)
{
    std::lock_guard<std::mutex> lock(gate);
    NG_REQUIRE_CONTEXT();
    auto stream = stream_of(handle);
    if (!known_function(function) || stream == nullptr)
    {
        ++launches_refused;
        return INVALID_HANDLE;
    }

    if (CUresult refusal = capture_state_refusal(*stream); refusal != SUCCESS)
    {
        ++launches_refused;
        return refusal;
    }

    if (countdown_fails(fail_launches_after))
    {
        ++launches_refused;
        return LAUNCH_OUT_OF_RESOURCES;
    }

    auto kernel = std::make_shared<ng_graph_node>();
    if (CUresult result = configure_launch(function, grid_x, grid_y, grid_z, block_x, block_y, block_z, shared_bytes, parameters, extra, *kernel);
        result != SUCCESS)
    {
        ++launches_refused;
        return result;
    }

    if (stream->capture == CAPTURE_ACTIVE)
    {
        stream->capturing->nodes.push_back(std::move(kernel)); // a kernel node, its cells copied now
        return SUCCESS;
    }

    enqueue_kernel(stream, *kernel);
    ++host_launches;
    return SUCCESS;
}

// ---- stream capture and graphs ----

NG_DRIVER_EXPORT CUresult cuStreamBeginCapture_v2(CUstream handle, int mode)
{
    std::lock_guard<std::mutex> lock(gate);
    NG_REQUIRE_CONTEXT();
    if (handle == nullptr)
    {
        return STREAM_CAPTURE_UNSUPPORTED; // the legacy default stream cannot capture
    }

    auto stream = stream_of(handle);
    if (stream == nullptr)
    {
        return INVALID_HANDLE;
    }

    if (mode != CAPTURE_MODE_GLOBAL && mode != CAPTURE_MODE_THREAD_LOCAL && mode != CAPTURE_MODE_RELAXED)
    {
        return INVALID_VALUE;
    }

    if (stream->capture != CAPTURE_NONE)
    {
        return ILLEGAL_STATE;
    }

    stream->capture = CAPTURE_ACTIVE;
    stream->capturing = std::make_unique<ng_graph>();
    stream->capture_id = next_capture_id++;
    stream->capture_mode = mode;
    stream->capture_thread = std::this_thread::get_id();
    stream->dependencies[0] = nullptr;
    return SUCCESS;
}

NG_DRIVER_EXPORT CUresult cuStreamEndCapture(CUstream handle, CUgraph* graph)
{
    std::lock_guard<std::mutex> lock(gate);
    NG_REQUIRE_CONTEXT();
    if (graph == nullptr)
    {
        return INVALID_VALUE;
    }

    *graph = nullptr;
    auto stream = stream_of(handle);
    if (stream == nullptr)
    {
        return INVALID_HANDLE;
    }

    if (stream->capture == CAPTURE_NONE)
    {
        return ILLEGAL_STATE;
    }

    if (stream->capture_mode != CAPTURE_MODE_RELAXED && stream->capture_thread != std::this_thread::get_id())
    {
        return STREAM_CAPTURE_WRONG_THREAD; // the capture goes on, for its own thread to end
    }

    const bool invalidated = stream->capture == CAPTURE_INVALIDATED;
    std::unique_ptr<ng_graph> captured = std::move(stream->capturing);
    stream->capture = CAPTURE_NONE;
    stream->dependencies[0] = nullptr;
    if (invalidated)
    {
        return STREAM_CAPTURE_INVALIDATED; // what was recorded is discarded
    }

    CUgraph result = captured.release();
    graphs.insert(result);
    *graph = result;
    return SUCCESS;
}

NG_DRIVER_EXPORT CUresult cuStreamGetCaptureInfo_v2(CUstream handle, int* status, unsigned long long* id, CUgraph* graph, const CUgraphNode** dependencies,
                                                    std::size_t* count)
{
    std::lock_guard<std::mutex> lock(gate);
    NG_REQUIRE_CONTEXT();
    if (status == nullptr)
    {
        return INVALID_VALUE;
    }

    auto stream = stream_of(handle);
    if (stream == nullptr)
    {
        return INVALID_HANDLE;
    }

    *status = stream->capture;
    const bool active = stream->capture == CAPTURE_ACTIVE;
    const bool any_node = active && !stream->capturing->nodes.empty();
    stream->dependencies[0] = any_node ? stream->capturing->nodes.back().get() : nullptr;
    if (id != nullptr)
    {
        *id = stream->capture == CAPTURE_NONE ? 0 : stream->capture_id;
    }

    if (graph != nullptr)
    {
        *graph = active ? stream->capturing.get() : nullptr;
    }

    if (dependencies != nullptr)
    {
        // Valid until the next call on this stream.
        *dependencies = any_node ? stream->dependencies : nullptr;
    }

    if (count != nullptr)
    {
        *count = any_node ? 1 : 0;
    }

    return SUCCESS;
}

NG_DRIVER_EXPORT CUresult cuGraphInstantiateWithFlags(CUgraphExec* exec, CUgraph graph, unsigned long long flags)
{
    std::lock_guard<std::mutex> lock(gate);
    NG_REQUIRE_CONTEXT();
    if (exec == nullptr)
    {
        return INVALID_VALUE;
    }

    if (graphs.count(graph) == 0)
    {
        return INVALID_HANDLE;
    }

    if (flags != 0)
    {
        return INVALID_VALUE;
    }

    auto* created = new ng_graph_exec();
    for (const auto& node : graph->nodes)
    {
        created->nodes.push_back(*node);
        created->origins.push_back(node);
    }

    graph_execs.insert(created);
    *exec = created;
    return SUCCESS;
}

NG_DRIVER_EXPORT CUresult cuGraphLaunch(CUgraphExec exec, CUstream handle)
{
    std::lock_guard<std::mutex> lock(gate);
    NG_REQUIRE_CONTEXT();
    auto stream = stream_of(handle);
    if (graph_execs.count(exec) == 0 || stream == nullptr)
    {
        return INVALID_HANDLE;
    }

    if (CUresult refusal = capture_state_refusal(*stream); refusal != SUCCESS)
    {
        return refusal;
    }

    if (stream->capture == CAPTURE_ACTIVE)
    {
        return invalidate(*stream, STREAM_CAPTURE_UNSUPPORTED); // no child graphs here
    }

    // Each launch is ordered after the exec's previous one, in whatever stream that was.
    if (exec->last_stream != nullptr && exec->last_stream != stream)
    {
        std::shared_ptr<ng_stream> other = exec->last_stream;
        const unsigned long long at = exec->last_at;
        enqueue(stream, [other, at] { run_until(*other, at); });
    }

    // The nodes as they are now: enqueue_kernel copies the cells, an opaque node's operation is copied into the queue.
    for (const auto& node : exec->nodes)
    {
        if (node.function != nullptr)
        {
            enqueue_kernel(stream, node);
        }
        else
        {
            enqueue(stream, node.operation);
        }
    }

    exec->last_stream = stream;
    exec->last_at = stream->enqueued;
    ++graph_launches;
    return SUCCESS;
}

NG_DRIVER_EXPORT CUresult cuGraphExecKernelNodeSetParams(CUgraphExec exec, CUgraphNode node, const CUDA_KERNEL_NODE_PARAMS* parameters)
{
    std::lock_guard<std::mutex> lock(gate);
    NG_REQUIRE_CONTEXT();
    if (graph_execs.count(exec) == 0)
    {
        return INVALID_HANDLE;
    }

    if (parameters == nullptr)
    {
        return INVALID_VALUE;
    }

    for (std::size_t i = 0; i < exec->origins.size(); ++i)
    {
        if (exec->origins[i].get() != node)
        {
            continue;
        }

        ng_graph_node& copy = exec->nodes[i];
        if (copy.function == nullptr || parameters->func != copy.function)
        {
            return INVALID_VALUE; // not a kernel node, or another function than the node's
        }

        ng_graph_node configured;
        if (CUresult result = configure_launch(parameters->func, parameters->gridDimX, parameters->gridDimY, parameters->gridDimZ, parameters->blockDimX,
                                               parameters->blockDimY, parameters->blockDimZ, parameters->sharedMemBytes, parameters->kernelParams,
                                               parameters->extra, configured);
            result != SUCCESS)
        {
            return result;
        }

        copy = std::move(configured);
        return SUCCESS;
    }

    return INVALID_VALUE; // not a node of the graph the exec came from
}

NG_DRIVER_EXPORT CUresult cuGraphDestroy(CUgraph graph)
{
    std::lock_guard<std::mutex> lock(gate);
    NG_REQUIRE_CONTEXT();
    if (graphs.erase(graph) == 0)
    {
        return INVALID_HANDLE;
    }

    delete graph; // its execs keep their copies, and the nodes their origins name
    return SUCCESS;
}

NG_DRIVER_EXPORT CUresult cuGraphExecDestroy(CUgraphExec exec)
{
    std::lock_guard<std::mutex> lock(gate);
    NG_REQUIRE_CONTEXT();
    if (graph_execs.erase(exec) == 0)
    {
        return INVALID_HANDLE;
    }

    delete exec; // its launches already queued hold copies of what they run
    return SUCCESS;
}

// ---- the test's controls ----

// Makes the next cuModuleLoadData load the emulation library at library_path, whatever image it is given.
// parameter_bytes lists the kernels' parameter sizes: "kernel_a:8,8,4;kernel_b:8,4". Null path: forget the registration.
NG_DRIVER_EXPORT int netgen_emulated_driver_register_kernels(const char* library_path, const char* parameter_bytes)
{
    std::lock_guard<std::mutex> lock(gate);
    if (library_path == nullptr)
    {
        has_registration = false;
        registered = registration();
        return 0;
    }

    registration next;
    next.path = library_path;
    std::string text = parameter_bytes == nullptr ? std::string() : std::string(parameter_bytes);
    std::size_t start = 0;
    while (start < text.size())
    {
        std::size_t end = text.find(';', start);
        if (end == std::string::npos)
        {
            end = text.size();
        }

        std::string item = text.substr(start, end - start);
        start = end + 1;
        if (item.empty())
        {
            continue;
        }

        std::size_t colon = item.find(':');
        if (colon == std::string::npos)
        {
            return -1;
        }

        std::vector<int> sizes;
        std::string list = item.substr(colon + 1);
        std::size_t at = 0;
        while (at < list.size())
        {
            std::size_t comma = list.find(',', at);
            if (comma == std::string::npos)
            {
                comma = list.size();
            }

            int size = std::atoi(list.substr(at, comma - at).c_str());
            if (size != 4 && size != 8)
            {
                return -1;
            }

            sizes.push_back(size);
            at = comma + 1;
        }

        next.parameters[item.substr(0, colon)] = sizes;
    }

    registered = next;
    has_registration = true;
    return 0;
}

// 1: every operation runs as it is enqueued. 0 (the default): operations run lazily, when the host waits for them.
NG_DRIVER_EXPORT void netgen_emulated_driver_set_immediate(int on)
{
    std::lock_guard<std::mutex> lock(gate);
    immediate = on != 0;
}

// The next `count` allocations (device or pinned) succeed and the one after fails with CUDA_ERROR_OUT_OF_MEMORY, as do
// all later ones until this is called with a negative count.
NG_DRIVER_EXPORT void netgen_emulated_driver_fail_allocations_after(int count)
{
    std::lock_guard<std::mutex> lock(gate);
    fail_allocations_after = count;
}

// The next `count` cuLaunchKernel calls proceed and the one after fails with CUDA_ERROR_LAUNCH_OUT_OF_RESOURCES, as do all
// later ones until this is called with a negative count.
NG_DRIVER_EXPORT void netgen_emulated_driver_fail_launches_after(int count)
{
    std::lock_guard<std::mutex> lock(gate);
    fail_launches_after = count;
}

// What is live, in this order: device allocations, pinned host allocations, modules, streams, events, retains of the
// primary context, operations queued and not yet run, launches run, launches refused, graphs, graph execs, kernels
// enqueued by cuLaunchKernel outside a capture, graph launches.
NG_DRIVER_EXPORT int netgen_emulated_driver_counts(long long* counts, int length)
{
    std::lock_guard<std::mutex> lock(gate);
    long long queued = (long long)default_stream->queue.size();
    for (auto& entry : streams)
    {
        queued += (long long)entry.second->queue.size();
    }

    const long long values[] = {
        (long long)device_blocks.size(), (long long)host_blocks.size(), (long long)modules.size(), (long long)streams.size(),
        (long long)events.size(),        (long long)primary.retains,    queued,                     (long long)launches_run,
        (long long)launches_refused, (long long)graphs.size(), (long long)graph_execs.size(), (long long)host_launches,
        (long long)graph_launches,
    };
    const int count = (int)(sizeof(values) / sizeof(values[0]));
    if (counts == nullptr || length < count)
    {
        return -count;
    }

    for (int i = 0; i < count; ++i)
    {
        counts[i] = values[i];
    }

    return count;
}
