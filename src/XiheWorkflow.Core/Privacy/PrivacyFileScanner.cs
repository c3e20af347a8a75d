using UglyToad.PdfPig.Exceptions;

namespace XiheWorkflow.Core.Privacy;

/// <summary>
/// Scans a file or an uploaded attachment for personal numbers (DESIGN.md §8). Whatever cannot be
/// read — an image, an encrypted or corrupt file, a PDF without text — comes back as unreadable so
/// that a person confirms it; nothing is silently passed.
/// </summary>
public sealed class PrivacyFileScanner(TimeProvider clock)
{
    public static IReadOnlyList<string> SupportedExtensions { get; } = [".txt", ".csv", ".html", ".htm", ".docx", ".xlsx", ".pdf"];

    private static readonly HashSet<string> ImageExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".jpg", ".jpeg", ".png", ".gif", ".bmp", ".tif", ".tiff", ".webp", ".heic",
    };

    public static bool IsSupported(string fileName) =>
        SupportedExtensions.Contains(Path.GetExtension(fileName), StringComparer.OrdinalIgnoreCase);

    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be opened.</exception>
    public async Task<FileScanResult> ScanFileAsync(string path, CancellationToken ct = default)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        return await ScanAsync(stream, path, ct);
    }

    /// <param name="fileName">Names the file in the result; its extension chooses how it is read.</param>
    public async Task<FileScanResult> ScanAsync(Stream content, string fileName, CancellationToken ct = default)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (ImageExtensions.Contains(extension)) return FileScanResult.NotReadable(fileName, UnreadableReason.Image);
        if (!IsSupported(fileName)) return FileScanResult.NotReadable(fileName, UnreadableReason.UnsupportedType, extension);

        // Attachments are bounded in size, and the Open XML and PDF readers want a seekable stream anyway.
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (extension is ".docx" or ".xlsx" && IsCompoundFile(bytes.Span))
        {
            // Office writes password-protected .docx/.xlsx as an OLE compound file, not a zip.
            return FileScanResult.NotReadable(fileName, UnreadableReason.Encrypted);
        }

        var collector = new FindingCollector(XiheWorkflow.Domain.Common.ChinaTime.DateOf(clock.GetUtcNow().UtcDateTime));
        try
        {
            switch (extension)
            {
                case ".txt":
                    PlainTextExtractor.Extract(TextDecoding.Decode(bytes.Span), collector);
                    break;
                case ".csv":
                    CsvExtractor.Extract(TextDecoding.Decode(bytes.Span), collector);
                    break;
                case ".html" or ".htm":
                    HtmlExtractor.Extract(TextDecoding.Decode(bytes.Span), collector);
                    break;
                case ".docx":
                    buffer.Position = 0;
                    DocxExtractor.Extract(buffer, collector);
                    break;
                case ".xlsx":
                    buffer.Position = 0;
                    XlsxExtractor.Extract(buffer, collector);
                    break;
                case ".pdf":
                    if (!PdfExtractor.Extract(bytes.ToArray(), collector)) return FileScanResult.NotReadable(fileName, UnreadableReason.NoText);
                    break;
            }
        }
        catch (PdfDocumentEncryptedException e)
        {
            return FileScanResult.NotReadable(fileName, UnreadableReason.Encrypted, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The readers throw many kinds of exception on a damaged file; any of them means a person must look.
            return FileScanResult.NotReadable(fileName, UnreadableReason.Corrupt, e.Message);
        }
        return new FileScanResult(fileName, collector.Findings, collector.Flagged);
    }

    private static bool IsCompoundFile(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
}
