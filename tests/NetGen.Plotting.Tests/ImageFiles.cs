using System;
using System.Buffers.Binary;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace NetGen.Plotting.Tests;

/// <summary>Reads back what <see cref="PlotFile"/> wrote, without depending on how fonts render.</summary>
internal static class ImageFiles
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The width and height in a PNG's header, after checking its signature and that IHDR comes first.</summary>
    public static (int Width, int Height) PngSize(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 24, $"{path} is too short to be a PNG ({bytes.Length} bytes).");
        Assert.Equal(PngSignature, bytes[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        return (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }

    /// <summary>The SVG document, after checking that it parses as XML with an &lt;svg&gt; root.</summary>
    public static XDocument Svg(string path)
    {
        var document = XDocument.Load(path);
        Assert.Equal("svg", document.Root!.Name.LocalName);
        return document;
    }

    /// <summary>The trimmed contents of every &lt;text&gt; element: titles, axis labels, tick labels, legend entries.</summary>
    public static string[] SvgTexts(string path)
    {
        var texts = Svg(path).Descendants()
            .Where(element => element.Name.LocalName == "text")
            .Select(element => element.Value.Trim())
            .ToArray();
        Assert.True(texts.Length > 0,
            $"{path} holds no text. Skia draws none without a font: scripts/test.sh installs fonts-dejavu-core.");
        return texts;
    }
}
