namespace NetGen.Cuda;

/// <summary>
/// The CUDA driver API's result codes (<c>CUresult</c> in <c>cuda.h</c>), as driver 535 (CUDA 12.2) names them.
/// Each summary quotes the driver's own name and description (<c>cuGetErrorName</c>, <c>cuGetErrorString</c>).
/// </summary>
public enum CudaResult
{
    /// <summary><c>CUDA_SUCCESS</c>: no error.</summary>
    Success = 0,

    /// <summary><c>CUDA_ERROR_INVALID_VALUE</c>: invalid argument.</summary>
    InvalidValue = 1,

    /// <summary><c>CUDA_ERROR_OUT_OF_MEMORY</c>: out of memory.</summary>
    OutOfMemory = 2,

    /// <summary><c>CUDA_ERROR_NOT_INITIALIZED</c>: initialization error.</summary>
    NotInitialized = 3,

    /// <summary><c>CUDA_ERROR_DEINITIALIZED</c>: driver shutting down.</summary>
    Deinitialized = 4,

    /// <summary><c>CUDA_ERROR_PROFILER_DISABLED</c>: profiler disabled while using external profiling tool.</summary>
    ProfilerDisabled = 5,

    /// <summary><c>CUDA_ERROR_PROFILER_NOT_INITIALIZED</c>: profiler not initialized: call cudaProfilerInitialize().</summary>
    ProfilerNotInitialized = 6,

    /// <summary><c>CUDA_ERROR_PROFILER_ALREADY_STARTED</c>: profiler already started.</summary>
    ProfilerAlreadyStarted = 7,

    /// <summary><c>CUDA_ERROR_PROFILER_ALREADY_STOPPED</c>: profiler already stopped.</summary>
    ProfilerAlreadyStopped = 8,

    /// <summary><c>CUDA_ERROR_STUB_LIBRARY</c>: CUDA driver is a stub library.</summary>
    StubLibrary = 34,

    /// <summary><c>CUDA_ERROR_DEVICE_UNAVAILABLE</c>: CUDA-capable device(s) is/are busy or unavailable.</summary>
    DeviceUnavailable = 46,

    /// <summary><c>CUDA_ERROR_NO_DEVICE</c>: no CUDA-capable device is detected.</summary>
    NoDevice = 100,

    /// <summary><c>CUDA_ERROR_INVALID_DEVICE</c>: invalid device ordinal.</summary>
    InvalidDevice = 101,

    /// <summary><c>CUDA_ERROR_DEVICE_NOT_LICENSED</c>: device doesn't have valid Grid license.</summary>
    DeviceNotLicensed = 102,

    /// <summary><c>CUDA_ERROR_INVALID_IMAGE</c>: device kernel image is invalid.</summary>
    InvalidImage = 200,

    /// <summary><c>CUDA_ERROR_INVALID_CONTEXT</c>: invalid device context.</summary>
    InvalidContext = 201,

    /// <summary><c>CUDA_ERROR_CONTEXT_ALREADY_CURRENT</c>: context already current.</summary>
    ContextAlreadyCurrent = 202,

    /// <summary><c>CUDA_ERROR_MAP_FAILED</c>: mapping of buffer object failed.</summary>
    MapFailed = 205,

    /// <summary><c>CUDA_ERROR_UNMAP_FAILED</c>: unmapping of buffer object failed.</summary>
    UnmapFailed = 206,

    /// <summary><c>CUDA_ERROR_ARRAY_IS_MAPPED</c>: array is mapped.</summary>
    ArrayIsMapped = 207,

    /// <summary><c>CUDA_ERROR_ALREADY_MAPPED</c>: resource already mapped.</summary>
    AlreadyMapped = 208,

    /// <summary><c>CUDA_ERROR_NO_BINARY_FOR_GPU</c>: no kernel image is available for execution on the device.</summary>
    NoBinaryForGpu = 209,

    /// <summary><c>CUDA_ERROR_ALREADY_ACQUIRED</c>: resource already acquired.</summary>
    AlreadyAcquired = 210,

    /// <summary><c>CUDA_ERROR_NOT_MAPPED</c>: resource not mapped.</summary>
    NotMapped = 211,

    /// <summary><c>CUDA_ERROR_NOT_MAPPED_AS_ARRAY</c>: resource not mapped as array.</summary>
    NotMappedAsArray = 212,

    /// <summary><c>CUDA_ERROR_NOT_MAPPED_AS_POINTER</c>: resource not mapped as pointer.</summary>
    NotMappedAsPointer = 213,

    /// <summary><c>CUDA_ERROR_ECC_UNCORRECTABLE</c>: uncorrectable ECC error encountered.</summary>
    EccUncorrectable = 214,

    /// <summary><c>CUDA_ERROR_UNSUPPORTED_LIMIT</c>: limit is not supported on this architecture.</summary>
    UnsupportedLimit = 215,

    /// <summary><c>CUDA_ERROR_CONTEXT_ALREADY_IN_USE</c>: exclusive-thread device already in use by a different thread.</summary>
    ContextAlreadyInUse = 216,

    /// <summary><c>CUDA_ERROR_PEER_ACCESS_UNSUPPORTED</c>: peer access is not supported between these two devices.</summary>
    PeerAccessUnsupported = 217,

    /// <summary><c>CUDA_ERROR_INVALID_PTX</c>: a PTX JIT compilation failed.</summary>
    InvalidPtx = 218,

    /// <summary><c>CUDA_ERROR_INVALID_GRAPHICS_CONTEXT</c>: invalid OpenGL or DirectX context.</summary>
    InvalidGraphicsContext = 219,

    /// <summary><c>CUDA_ERROR_NVLINK_UNCORRECTABLE</c>: uncorrectable NVLink error detected during the execution.</summary>
    NvlinkUncorrectable = 220,

    /// <summary><c>CUDA_ERROR_JIT_COMPILER_NOT_FOUND</c>: PTX JIT compiler library not found.</summary>
    JitCompilerNotFound = 221,

    /// <summary><c>CUDA_ERROR_UNSUPPORTED_PTX_VERSION</c>: the provided PTX was compiled with an unsupported toolchain.</summary>
    UnsupportedPtxVersion = 222,

    /// <summary><c>CUDA_ERROR_JIT_COMPILATION_DISABLED</c>: PTX JIT compilation was disabled.</summary>
    JitCompilationDisabled = 223,

    /// <summary><c>CUDA_ERROR_UNSUPPORTED_EXEC_AFFINITY</c>: the provided execution affinity is not supported.</summary>
    UnsupportedExecAffinity = 224,

    /// <summary><c>CUDA_ERROR_UNSUPPORTED_DEVSIDE_SYNC</c>: the provided PTX contains unsupported call to cudaDeviceSynchronize.</summary>
    UnsupportedDevsideSync = 225,

    /// <summary><c>CUDA_ERROR_INVALID_SOURCE</c>: device kernel image is invalid.</summary>
    InvalidSource = 300,

    /// <summary><c>CUDA_ERROR_FILE_NOT_FOUND</c>: file not found.</summary>
    FileNotFound = 301,

    /// <summary><c>CUDA_ERROR_SHARED_OBJECT_SYMBOL_NOT_FOUND</c>: shared object symbol not found.</summary>
    SharedObjectSymbolNotFound = 302,

    /// <summary><c>CUDA_ERROR_SHARED_OBJECT_INIT_FAILED</c>: shared object initialization failed.</summary>
    SharedObjectInitFailed = 303,

    /// <summary><c>CUDA_ERROR_OPERATING_SYSTEM</c>: OS call failed or operation not supported on this OS.</summary>
    OperatingSystem = 304,

    /// <summary><c>CUDA_ERROR_INVALID_HANDLE</c>: invalid resource handle.</summary>
    InvalidHandle = 400,

    /// <summary><c>CUDA_ERROR_ILLEGAL_STATE</c>: the operation cannot be performed in the present state.</summary>
    IllegalState = 401,

    /// <summary><c>CUDA_ERROR_NOT_FOUND</c>: named symbol not found.</summary>
    NotFound = 500,

    /// <summary><c>CUDA_ERROR_NOT_READY</c>: device not ready.</summary>
    NotReady = 600,

    /// <summary><c>CUDA_ERROR_ILLEGAL_ADDRESS</c>: an illegal memory access was encountered.</summary>
    IllegalAddress = 700,

    /// <summary><c>CUDA_ERROR_LAUNCH_OUT_OF_RESOURCES</c>: too many resources requested for launch.</summary>
    LaunchOutOfResources = 701,

    /// <summary><c>CUDA_ERROR_LAUNCH_TIMEOUT</c>: the launch timed out and was terminated.</summary>
    LaunchTimeout = 702,

    /// <summary><c>CUDA_ERROR_LAUNCH_INCOMPATIBLE_TEXTURING</c>: launch uses incompatible texturing mode.</summary>
    LaunchIncompatibleTexturing = 703,

    /// <summary><c>CUDA_ERROR_PEER_ACCESS_ALREADY_ENABLED</c>: peer access is already enabled.</summary>
    PeerAccessAlreadyEnabled = 704,

    /// <summary><c>CUDA_ERROR_PEER_ACCESS_NOT_ENABLED</c>: peer access has not been enabled.</summary>
    PeerAccessNotEnabled = 705,

    /// <summary><c>CUDA_ERROR_PRIMARY_CONTEXT_ACTIVE</c>: cannot set while device is active in this process.</summary>
    PrimaryContextActive = 708,

    /// <summary><c>CUDA_ERROR_CONTEXT_IS_DESTROYED</c>: context is destroyed.</summary>
    ContextIsDestroyed = 709,

    /// <summary><c>CUDA_ERROR_ASSERT</c>: device-side assert triggered.</summary>
    Assert = 710,

    /// <summary><c>CUDA_ERROR_TOO_MANY_PEERS</c>: peer mapping resources exhausted.</summary>
    TooManyPeers = 711,

    /// <summary><c>CUDA_ERROR_HOST_MEMORY_ALREADY_REGISTERED</c>: part or all of the requested memory range is already mapped.</summary>
    HostMemoryAlreadyRegistered = 712,

    /// <summary><c>CUDA_ERROR_HOST_MEMORY_NOT_REGISTERED</c>: pointer does not correspond to a registered memory region.</summary>
    HostMemoryNotRegistered = 713,

    /// <summary><c>CUDA_ERROR_HARDWARE_STACK_ERROR</c>: hardware stack error.</summary>
    HardwareStackError = 714,

    /// <summary><c>CUDA_ERROR_ILLEGAL_INSTRUCTION</c>: an illegal instruction was encountered.</summary>
    IllegalInstruction = 715,

    /// <summary><c>CUDA_ERROR_MISALIGNED_ADDRESS</c>: misaligned address.</summary>
    MisalignedAddress = 716,

    /// <summary><c>CUDA_ERROR_INVALID_ADDRESS_SPACE</c>: operation not supported on global/shared address space.</summary>
    InvalidAddressSpace = 717,

    /// <summary><c>CUDA_ERROR_INVALID_PC</c>: invalid program counter.</summary>
    InvalidPc = 718,

    /// <summary><c>CUDA_ERROR_LAUNCH_FAILED</c>: unspecified launch failure.</summary>
    LaunchFailed = 719,

    /// <summary><c>CUDA_ERROR_COOPERATIVE_LAUNCH_TOO_LARGE</c>: too many blocks in cooperative launch.</summary>
    CooperativeLaunchTooLarge = 720,

    /// <summary><c>CUDA_ERROR_NOT_PERMITTED</c>: operation not permitted.</summary>
    NotPermitted = 800,

    /// <summary><c>CUDA_ERROR_NOT_SUPPORTED</c>: operation not supported.</summary>
    NotSupported = 801,

    /// <summary><c>CUDA_ERROR_SYSTEM_NOT_READY</c>: system not yet initialized.</summary>
    SystemNotReady = 802,

    /// <summary><c>CUDA_ERROR_SYSTEM_DRIVER_MISMATCH</c>: system has unsupported display driver / cuda driver combination.</summary>
    SystemDriverMismatch = 803,

    /// <summary><c>CUDA_ERROR_COMPAT_NOT_SUPPORTED_ON_DEVICE</c>: forward compatibility was attempted on non supported HW.</summary>
    CompatNotSupportedOnDevice = 804,

    /// <summary><c>CUDA_ERROR_MPS_CONNECTION_FAILED</c>: MPS client failed to connect to the MPS control daemon or the MPS server.</summary>
    MpsConnectionFailed = 805,

    /// <summary><c>CUDA_ERROR_MPS_RPC_FAILURE</c>: the remote procedural call between the MPS server and the MPS client failed.</summary>
    MpsRpcFailure = 806,

    /// <summary><c>CUDA_ERROR_MPS_SERVER_NOT_READY</c>: MPS server is not ready to accept new MPS client requests.</summary>
    MpsServerNotReady = 807,

    /// <summary><c>CUDA_ERROR_MPS_MAX_CLIENTS_REACHED</c>: the hardware resources required to create MPS client have been exhausted.</summary>
    MpsMaxClientsReached = 808,

    /// <summary><c>CUDA_ERROR_MPS_MAX_CONNECTIONS_REACHED</c>: the hardware resources required to support device connections have been exhausted.</summary>
    MpsMaxConnectionsReached = 809,

    /// <summary><c>CUDA_ERROR_MPS_CLIENT_TERMINATED</c>: the MPS client has been terminated by the server.</summary>
    MpsClientTerminated = 810,

    /// <summary><c>CUDA_ERROR_CDP_NOT_SUPPORTED</c>: is using CUDA Dynamic Parallelism, but the current configuration, like MPS, does not support it.</summary>
    CdpNotSupported = 811,

    /// <summary><c>CUDA_ERROR_CDP_VERSION_MISMATCH</c>: unsupported interaction between different versions of CUDA Dynamic Parallelism.</summary>
    CdpVersionMismatch = 812,

    /// <summary><c>CUDA_ERROR_STREAM_CAPTURE_UNSUPPORTED</c>: operation not permitted when stream is capturing.</summary>
    StreamCaptureUnsupported = 900,

    /// <summary><c>CUDA_ERROR_STREAM_CAPTURE_INVALIDATED</c>: operation failed due to a previous error during capture.</summary>
    StreamCaptureInvalidated = 901,

    /// <summary><c>CUDA_ERROR_STREAM_CAPTURE_MERGE</c>: operation would result in a merge of separate capture sequences.</summary>
    StreamCaptureMerge = 902,

    /// <summary><c>CUDA_ERROR_STREAM_CAPTURE_UNMATCHED</c>: capture was not ended in the same stream as it began.</summary>
    StreamCaptureUnmatched = 903,

    /// <summary><c>CUDA_ERROR_STREAM_CAPTURE_UNJOINED</c>: capturing stream has unjoined work.</summary>
    StreamCaptureUnjoined = 904,

    /// <summary><c>CUDA_ERROR_STREAM_CAPTURE_ISOLATION</c>: dependency created on uncaptured work in another stream.</summary>
    StreamCaptureIsolation = 905,

    /// <summary><c>CUDA_ERROR_STREAM_CAPTURE_IMPLICIT</c>: operation would make the legacy stream depend on a capturing blocking stream.</summary>
    StreamCaptureImplicit = 906,

    /// <summary><c>CUDA_ERROR_CAPTURED_EVENT</c>: operation not permitted on an event last recorded in a capturing stream.</summary>
    CapturedEvent = 907,

    /// <summary><c>CUDA_ERROR_STREAM_CAPTURE_WRONG_THREAD</c>: attempt to terminate a thread-local capture sequence from another thread.</summary>
    StreamCaptureWrongThread = 908,

    /// <summary><c>CUDA_ERROR_TIMEOUT</c>: wait operation timed out.</summary>
    Timeout = 909,

    /// <summary><c>CUDA_ERROR_GRAPH_EXEC_UPDATE_FAILURE</c>: the graph update was not performed because it included changes which violated constraints specific to instantiated graph update.</summary>
    GraphExecUpdateFailure = 910,

    /// <summary><c>CUDA_ERROR_EXTERNAL_DEVICE</c>: an async error has occured in external entity outside of CUDA.</summary>
    ExternalDevice = 911,

    /// <summary><c>CUDA_ERROR_INVALID_CLUSTER_SIZE</c>: a kernel launch error has occurred due to cluster misconfiguration.</summary>
    InvalidClusterSize = 912,

    /// <summary><c>CUDA_ERROR_UNKNOWN</c>: unknown error.</summary>
    Unknown = 999,
}

/// <summary>NVRTC's result codes (<c>nvrtcResult</c> in <c>nvrtc.h</c>).</summary>
public enum NvrtcResult
{
    /// <summary><c>NVRTC_SUCCESS</c>.</summary>
    Success = 0,

    /// <summary><c>NVRTC_ERROR_OUT_OF_MEMORY</c>.</summary>
    OutOfMemory = 1,

    /// <summary><c>NVRTC_ERROR_PROGRAM_CREATION_FAILURE</c>.</summary>
    ProgramCreationFailure = 2,

    /// <summary><c>NVRTC_ERROR_INVALID_INPUT</c>: a null or malformed argument.</summary>
    InvalidInput = 3,

    /// <summary><c>NVRTC_ERROR_INVALID_PROGRAM</c>: the program handle is not valid.</summary>
    InvalidProgram = 4,

    /// <summary><c>NVRTC_ERROR_INVALID_OPTION</c>: a compile option is unknown or has a bad value; the program log says which.</summary>
    InvalidOption = 5,

    /// <summary><c>NVRTC_ERROR_COMPILATION</c>: the source has errors; the program log lists them.</summary>
    Compilation = 6,

    /// <summary><c>NVRTC_ERROR_BUILTIN_OPERATION_FAILURE</c>: NVRTC's built-in headers (libnvrtc-builtins) failed, usually because they are missing.</summary>
    BuiltinOperationFailure = 7,

    /// <summary><c>NVRTC_ERROR_NO_NAME_EXPRESSIONS_AFTER_COMPILATION</c>.</summary>
    NoNameExpressionsAfterCompilation = 8,

    /// <summary><c>NVRTC_ERROR_NO_LOWERED_NAMES_BEFORE_COMPILATION</c>.</summary>
    NoLoweredNamesBeforeCompilation = 9,

    /// <summary><c>NVRTC_ERROR_NAME_EXPRESSION_NOT_VALID</c>.</summary>
    NameExpressionNotValid = 10,

    /// <summary><c>NVRTC_ERROR_INTERNAL_ERROR</c>.</summary>
    InternalError = 11,
}
