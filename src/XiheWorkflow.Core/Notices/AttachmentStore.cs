using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;

namespace XiheWorkflow.Core.Notices;

/// <summary>
/// Attachment files on disk under the data directory, named by their SHA-256 so that the same file
/// is stored once and a revision's reference never changes meaning.
/// </summary>
public class AttachmentStore(IOptions<XiheOptions> options)
{
    public const long MaxBytes = 20 * 1024 * 1024;

    public static readonly IReadOnlyDictionary<string, string> AllowedTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".csv"] = "text/csv",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".png"] = "image/png",
    };

    /// <summary>Refuses a file by name and size before anything is read or written.</summary>
    public static void CheckAllowed(string fileName, long size)
    {
        var ext = Path.GetExtension(fileName);
        if (!AllowedTypes.ContainsKey(ext)) throw new DomainException("Attachment.TypeRefused", fileName);
        if (size > MaxBytes) throw new DomainException("Attachment.TooLarge", fileName, MaxBytes / 1024 / 1024);
        if (size == 0) throw new DomainException("Attachment.Empty", fileName);
    }

    public async Task<AttachmentRef> SaveAsync(Stream content, string fileName, long declaredSize, CancellationToken ct = default)
    {
        fileName = Path.GetFileName(fileName);
        CheckAllowed(fileName, declaredSize);
        var root = options.Value.AttachmentsDirectory;
        Directory.CreateDirectory(root);
        var temp = Path.Combine(root, $".upload-{Guid.NewGuid():N}");
        long size;
        string sha;
        try
        {
            await using (var file = File.Create(temp))
            {
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var buffer = new byte[81920];
                int read;
                size = 0;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    size += read;
                    if (size > MaxBytes) throw new DomainException("Attachment.TooLarge", fileName, MaxBytes / 1024 / 1024);
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }
                sha = Convert.ToHexStringLower(hash.GetHashAndReset());
            }
            if (size == 0) throw new DomainException("Attachment.Empty", fileName);
            var target = PathFor(sha);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (!File.Exists(target)) File.Move(temp, target);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
        return new AttachmentRef(fileName, sha, size, AllowedTypes[Path.GetExtension(fileName)]);
    }

    public Stream? Open(string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(Uri.IsHexDigit)) return null;
        var path = PathFor(sha256);
        return File.Exists(path) ? File.OpenRead(path) : null;
    }

    private string PathFor(string sha) => Path.Combine(options.Value.AttachmentsDirectory, sha[..2], sha);
}
