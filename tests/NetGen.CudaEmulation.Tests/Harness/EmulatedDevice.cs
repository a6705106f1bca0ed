using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.IO.MemoryMappedFiles;
using System.Runtime.InteropServices;
using System.Text;

namespace NetGen.CudaEmulation.Tests.Harness;

/// <summary>
/// A kernel argument: a buffer (an offset into device memory), an int, a float, or a word of 8 bytes copied as they are
/// (an <c>unsigned int</c> parameter reads the low 4, an <c>unsigned long long</c> all 8).
/// </summary>
internal readonly record struct DeviceArgument(DeviceArgumentKind Kind, long Offset, int Integer, float Single, ulong Bits = 0)
{
    public static DeviceArgument Buffer(long offset) => new(DeviceArgumentKind.Buffer, offset, 0, 0f);

    public static DeviceArgument Int(int value) => new(DeviceArgumentKind.Int, 0, value, 0f);

    public static DeviceArgument Float(float value) => new(DeviceArgumentKind.Float, 0, 0, value);

    public static DeviceArgument Word(ulong bits) => new(DeviceArgumentKind.Word, 0, 0, 0f, bits);
}

internal enum DeviceArgumentKind
{
    Buffer,
    Int,
    Float,
    Word,
}

/// <summary>
/// An emulated GPU: one block of memory the test reads and writes directly (device buffers are offsets into it) and
/// kernel launches that run the library's kernels on the CPU.
/// </summary>
internal unsafe interface IEmulatedDevice : IDisposable
{
    /// <summary>The start of device memory in this process.</summary>
    byte* Memory { get; }

    long Bytes { get; }

    void Launch(string kernel, (int X, int Y, int Z) grid, int blockThreads, ReadOnlySpan<DeviceArgument> arguments, uint seed);

    /// <summary>
    /// Ends the device's work and returns what ThreadSanitizer reported (empty in process). The device is unusable afterwards.
    /// </summary>
    string Finish();
}

/// <summary>Kernels run in this process: memory from NativeMemory, launches through the library's function pointers.</summary>
internal sealed unsafe class InProcessDevice : IEmulatedDevice
{
    private readonly EmulatedLibrary _library;
    private byte* _memory;

    public InProcessDevice(EmulatedLibrary library, long bytes)
    {
        _library = library;
        Bytes = bytes;
        _memory = (byte*)NativeMemory.AlignedAlloc((nuint)Math.Max(bytes, 1), 4096);
        library.Attach();
    }

    public byte* Memory => _memory;

    public long Bytes { get; }

    public void Launch(string kernel, (int X, int Y, int Z) grid, int blockThreads, ReadOnlySpan<DeviceArgument> arguments, uint seed)
    {
        ObjectDisposedException.ThrowIf(_memory == null, this);
        var entry = (delegate* unmanaged<uint, uint, uint, uint, void**, uint, void>)_library.EntryPoint(kernel);
        var slots = stackalloc ulong[Math.Max(arguments.Length, 1)];
        var pointers = stackalloc void*[Math.Max(arguments.Length, 1)];
        for (var index = 0; index < arguments.Length; index++)
        {
            var argument = arguments[index];
            slots[index] = 0;
            switch (argument.Kind)
            {
                case DeviceArgumentKind.Buffer:
                    *(byte**)&slots[index] = _memory + argument.Offset;
                    break;
                case DeviceArgumentKind.Int:
                    *(int*)&slots[index] = argument.Integer;
                    break;
                case DeviceArgumentKind.Float:
                    *(float*)&slots[index] = argument.Single;
                    break;
                case DeviceArgumentKind.Word:
                    slots[index] = argument.Bits;
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(arguments), argument.Kind, "Unknown argument kind.");
            }

            pointers[index] = &slots[index];
        }

        entry((uint)grid.X, (uint)grid.Y, (uint)grid.Z, (uint)blockThreads, pointers, seed);
    }

    public string Finish()
    {
        Dispose();
        return string.Empty;
    }

    public void Dispose()
    {
        if (_memory != null)
        {
            _library.Detach();
            NativeMemory.AlignedFree(_memory);
            _memory = null;
        }
    }
}

/// <summary>
/// Kernels run in a server program built with -fsanitize=thread: device memory is a file both processes map, launches
/// are lines on the server's stdin, and ThreadSanitizer's reports are collected from its stderr.
/// </summary>
internal sealed unsafe class SanitizerServerDevice : IEmulatedDevice
{
    private readonly string _file;
    private readonly MemoryMappedFile _mapping;
    private readonly MemoryMappedViewAccessor _view;
    private readonly Process _server;
    private readonly StringBuilder _errors = new();
    private byte* _memory;
    private bool _finished;
    private string _report = string.Empty;

    public SanitizerServerDevice(EmulatedLibrary library, long bytes)
    {
        Bytes = Math.Max(bytes, 4096);
        _file = Path.Combine(Path.GetTempPath(), "netgen-emulation-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N") + ".mem");
        _mapping = MemoryMappedFile.CreateFromFile(_file, FileMode.CreateNew, null, Bytes, MemoryMappedFileAccess.ReadWrite);
        _view = _mapping.CreateViewAccessor(0, Bytes, MemoryMappedFileAccess.ReadWrite);
        byte* pointer = null;
        _view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        _memory = pointer + _view.PointerOffset;

        var start = new ProcessStartInfo(library.BinaryPath)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // exitcode=66 (the default) when anything was reported; keep going after a report so that all of them are seen.
        start.Environment["TSAN_OPTIONS"] = "halt_on_error=0 exitcode=66 report_signal_unsafe=0";
        _server = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {library.BinaryPath}.");
        _server.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                lock (_errors)
                {
                    _errors.Append(line.Data).Append('\n');
                }
            }
        };
        _server.BeginErrorReadLine();
        Command("map " + _file + " " + Bytes.ToString(CultureInfo.InvariantCulture));
        var shared = new StringBuilder("shared ").Append(library.SharedRegions.Count);
        foreach (var (offset, size) in library.SharedRegions)
        {
            shared.Append(' ').Append(offset.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(size.ToString(CultureInfo.InvariantCulture));
        }

        Command(shared.ToString());
    }

    public byte* Memory => _memory;

    public long Bytes { get; }

    public void Launch(string kernel, (int X, int Y, int Z) grid, int blockThreads, ReadOnlySpan<DeviceArgument> arguments, uint seed)
    {
        var line = new StringBuilder("launch ").Append(kernel);
        foreach (var value in new long[] { grid.X, grid.Y, grid.Z, blockThreads, seed, arguments.Length })
        {
            line.Append(' ').Append(value.ToString(CultureInfo.InvariantCulture));
        }

        foreach (var argument in arguments)
        {
            line.Append(' ').Append(argument.Kind switch
            {
                DeviceArgumentKind.Buffer => "b" + argument.Offset.ToString(CultureInfo.InvariantCulture),
                DeviceArgumentKind.Int => "i" + argument.Integer.ToString(CultureInfo.InvariantCulture),
                DeviceArgumentKind.Float => "f" + BitConverter.SingleToUInt32Bits(argument.Single).ToString("x8", CultureInfo.InvariantCulture),
                DeviceArgumentKind.Word => "w" + argument.Bits.ToString("x16", CultureInfo.InvariantCulture),
                _ => throw new ArgumentOutOfRangeException(nameof(arguments), argument.Kind, "Unknown argument kind."),
            });
        }

        Command(line.ToString());
    }

    public string Finish()
    {
        if (!_finished)
        {
            if (!_server.HasExited)
            {
                Command("quit");
            }

            _finished = true;

            if (!_server.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                _server.Kill(entireProcessTree: true);
            }

            _server.WaitForExit(); // drains stderr
            lock (_errors)
            {
                _report = _errors.ToString();
            }

            if (_server.ExitCode != 0 && !_report.Contains("ThreadSanitizer", StringComparison.Ordinal))
            {
                _report += $"\nThe emulation server exited with code {_server.ExitCode}.";
            }
        }

        return _report;
    }

    public void Dispose()
    {
        Finish();
        _server.Dispose();
        if (_memory != null)
        {
            _view.SafeMemoryMappedViewHandle.ReleasePointer();
            _memory = null;
        }

        _view.Dispose();
        _mapping.Dispose();
        File.Delete(_file);
    }

    private void Command(string line)
    {
        if (_finished || _server.HasExited)
        {
            throw new InvalidOperationException($"The emulation server has stopped.\n{Errors()}");
        }

        _server.StandardInput.WriteLine(line);
        _server.StandardInput.Flush();
        var reply = _server.StandardOutput.ReadLine();
        if (reply != "ok")
        {
            throw new InvalidOperationException($"The emulation server answered '{reply ?? "(nothing: it exited)"}' to '{line}'.\n{Errors()}");
        }
    }

    private string Errors()
    {
        lock (_errors)
        {
            return _errors.ToString();
        }
    }
}
