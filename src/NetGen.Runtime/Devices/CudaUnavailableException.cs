using System;

namespace NetGen;

/// <summary>CUDA was asked for explicitly but cannot be used here; the message says what is missing.</summary>
public sealed class CudaUnavailableException : InvalidOperationException
{
    public CudaUnavailableException(string message)
        : base(message)
    {
    }

    public CudaUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
