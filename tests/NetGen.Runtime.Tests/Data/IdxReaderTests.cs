using System;
using System.IO;
using NetGen.Data;

namespace NetGen.Tests.Data;

public sealed class IdxReaderTests : IDisposable
{
    private readonly TemporaryDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void ThreeDimensionalFile_ReadsBackDimensionsAndBytes()
    {
        var data = IdxBytes.Counting(2 * 3 * 4);
        var path = _folder.Write("images-idx3-ubyte", IdxBytes.Create([2, 3, 4], data));

        var idx = IdxReader.Read(path);

        Assert.Equal([2, 3, 4], idx.Dimensions);
        Assert.Equal(2, idx.Count);
        Assert.Equal("2×3×4", idx.Shape);
        Assert.Equal(data, idx.Data);
        Assert.Equal(path, idx.FilePath);
    }

    [Fact]
    public void OneDimensionalFile_ReadsBack()
    {
        byte[] labels = [7, 2, 1, 0, 4];
        var path = _folder.Write("labels-idx1-ubyte", IdxBytes.Create([5], labels));

        var idx = IdxReader.Read(path);

        Assert.Equal([5], idx.Dimensions);
        Assert.Equal(labels, idx.Data);
    }

    [Theory]
    [InlineData("images-idx3-ubyte.gz")]
    [InlineData("gzipped-but-named-plainly")]
    public void GzippedFile_IsRecognisedByItsMagicBytes(string name)
    {
        var data = IdxBytes.Counting(3 * 5 * 5);
        var path = _folder.Write(name, IdxBytes.Gzip(IdxBytes.Create([3, 5, 5], data)));

        var idx = IdxReader.Read(path);

        Assert.Equal([3, 5, 5], idx.Dimensions);
        Assert.Equal(data, idx.Data);
    }

    [Fact]
    public void PlainFileNamedGz_IsReadAsPlain()
    {
        var path = _folder.Write("labels-idx1-ubyte.gz", IdxBytes.Create([3], [1, 2, 3]));

        Assert.Equal([1, 2, 3], IdxReader.Read(path).Data);
    }

    [Fact]
    public void TruncatedFile_SaysHowManyBytesWereExpectedAndFound()
    {
        var whole = IdxBytes.Create([10, 28, 28], new byte[10 * 28 * 28]);
        var path = _folder.Write("train-images-idx3-ubyte", whole.AsSpan(0, 1_000).ToArray());

        var error = Assert.Throws<InvalidDataException>(() => IdxReader.Read(path));

        Assert.StartsWith(path + ": ", error.Message);
        Assert.Contains("expected 7,856 bytes for 10×28×28 unsigned bytes but the file holds 1,000", error.Message);
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void TruncatedGzippedFile_IsReportedAsTruncated()
    {
        var whole = IdxBytes.Create([10, 28, 28], IdxBytes.Counting(10 * 28 * 28));
        var path = _folder.Write("train-images-idx3-ubyte.gz", IdxBytes.Gzip(whole.AsSpan(0, 1_000).ToArray()));

        var error = Assert.Throws<InvalidDataException>(() => IdxReader.Read(path));

        Assert.StartsWith(path + ": ", error.Message);
        Assert.Contains("expected 7,856 bytes for 10×28×28 unsigned bytes but the decompressed file holds 1,000", error.Message);
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void TruncatedHeader_IsReported()
    {
        var path = _folder.Write("short-header", IdxBytes.Create([10, 28, 28], []).AsSpan(0, 10).ToArray());

        var error = Assert.Throws<InvalidDataException>(() => IdxReader.Read(path));

        Assert.StartsWith(path + ": ", error.Message);
        Assert.Contains("expected a 16-byte header for 3 dimensions but the file holds 10 bytes", error.Message);
    }

    [Fact]
    public void EmptyFile_IsReported()
    {
        var path = _folder.Write("empty", []);

        var error = Assert.Throws<InvalidDataException>(() => IdxReader.Read(path));

        Assert.StartsWith(path + ": ", error.Message);
        Assert.Contains("holds 0", error.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TrailingBytes_AreReported(bool gzipped)
    {
        byte[] contents = [.. IdxBytes.Create([3], [1, 2, 3]), 9, 9];
        var path = _folder.Write("labels", gzipped ? IdxBytes.Gzip(contents) : contents);

        var error = Assert.Throws<InvalidDataException>(() => IdxReader.Read(path));

        Assert.StartsWith(path + ": ", error.Message);
        Assert.Contains("expected 11 bytes for 3 unsigned bytes but", error.Message);
        Assert.Contains("holds 13 — the file has 2 trailing bytes", error.Message);
    }

    [Fact]
    public void BadMagic_SaysItIsNotAnIdxFile()
    {
        var contents = IdxBytes.Create([3], [1, 2, 3]);
        contents[0] = 0x50;
        contents[1] = 0x4b;
        var path = _folder.Write("archive.zip", contents);

        var error = Assert.Throws<InvalidDataException>(() => IdxReader.Read(path));

        Assert.StartsWith(path + ": ", error.Message);
        Assert.Contains("expected an IDX magic number starting with 00 00 but found 50 4b", error.Message);
        Assert.Contains("not an IDX file", error.Message);
    }

    [Theory]
    [InlineData(0x0D, "0x0D (32-bit float)")]
    [InlineData(0x0C, "0x0C (32-bit integer)")]
    [InlineData(0x42, "0x42 (not an IDX type)")]
    public void UnsupportedTypeByte_NamesTheTypeFound(byte typeByte, string described)
    {
        var path = _folder.Write("floats-idx1", IdxBytes.Create(typeByte, [1], [0, 0, 0, 0]));

        var error = Assert.Throws<InvalidDataException>(() => IdxReader.Read(path));

        Assert.StartsWith(path + ": ", error.Message);
        Assert.Contains($"expected element type 0x08 (unsigned byte) but found {described}", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void NonPositiveDimension_IsReported(int badDimension)
    {
        var path = _folder.Write("images", IdxBytes.Create([4, badDimension, 28], []));

        var error = Assert.Throws<InvalidDataException>(() => IdxReader.Read(path));

        Assert.StartsWith(path + ": ", error.Message);
        Assert.Contains($"expected positive dimensions but dimension 1 of 4×{badDimension}×28 is {badDimension}", error.Message);
    }

    [Fact]
    public void NoDimensions_IsReported()
    {
        var path = _folder.Write("rank-zero", IdxBytes.Create([], []));

        var error = Assert.Throws<InvalidDataException>(() => IdxReader.Read(path));

        Assert.StartsWith(path + ": ", error.Message);
        Assert.Contains("expected at least one dimension but the header declares 0", error.Message);
    }

    [Fact]
    public void DimensionsTooLargeForOneArray_AreReportedWithoutAllocating()
    {
        var path = _folder.Write("huge", IdxBytes.Create([65_536, 65_536, 28], []));

        var error = Assert.Throws<InvalidDataException>(() => IdxReader.Read(path));

        Assert.StartsWith(path + ": ", error.Message);
        Assert.Contains("65536×65536×28 does not", error.Message);
    }

    [Fact]
    public void CorruptGzip_IsReported()
    {
        var compressed = IdxBytes.Gzip(IdxBytes.Create([64], IdxBytes.Counting(64)));
        compressed.AsSpan(10, compressed.Length - 18).Fill(0xff);
        var path = _folder.Write("corrupt.gz", compressed);

        var error = Assert.Throws<InvalidDataException>(() => IdxReader.Read(path));

        Assert.StartsWith(path + ": ", error.Message);
        Assert.Contains("gzip", error.Message);
    }

    [Fact]
    public void MissingFile_NamesThePathAndTheFetchScript()
    {
        var path = Path.Combine(_folder.FullPath, "no-such-file");

        var error = Assert.Throws<FileNotFoundException>(() => IdxReader.Read(path));

        Assert.Equal(path, error.FileName);
        Assert.StartsWith(path + ": file not found", error.Message);
        Assert.Contains("scripts/fetch-mnist.sh", error.Message);
    }

    [Fact]
    public void MissingDirectory_IsAlsoFileNotFound()
    {
        var path = Path.Combine(_folder.FullPath, "no-such-folder", "labels");

        var error = Assert.Throws<FileNotFoundException>(() => IdxReader.Read(path));

        Assert.Contains(path, error.Message);
    }
}
