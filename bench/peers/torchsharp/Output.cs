using System;
using System.Collections.Generic;
using System.Text.Json;

namespace NetGen.Bench.TorchSharpPeer;

/// <summary>Result lines on standard output (one JSON object each), human lines on standard error.</summary>
internal static class Output
{
    public const string Peer = "torchsharp";

    public static void Emit(IReadOnlyDictionary<string, object?> record)
    {
        Console.Out.WriteLine(JsonSerializer.Serialize(record));
        Console.Out.Flush();
    }

    public static void Progress(string line) => Console.Error.WriteLine(line);
}
