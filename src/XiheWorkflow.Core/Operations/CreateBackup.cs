using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Domain.Common;

namespace XiheWorkflow.Core.Operations;

/// <summary>
/// Writes one backup archive (<see cref="BackupArchive"/>) of the data directory while the app may be
/// running: SQLite's online backup gives a consistent copy without stopping writers.
/// </summary>
public class CreateBackup(IDbContextFactory<XiheDbContext> contexts, IOptions<XiheOptions> options, TimeProvider clock)
{
    public record Result(string Path, long Bytes, int Attachments, string? SchemaMigration, long? LastAuditSequence);

    public async Task<Result> HandleAsync(string outPath, CancellationToken ct = default)
    {
        outPath = Path.GetFullPath(outPath);
        if (File.Exists(outPath)) throw new DomainException("Backup.OutExists", outPath);
        string connectionString;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            // The archive holds the SQLite file; a PostgreSQL database is backed up with pg_dump (README).
            if (!db.Database.IsSqlite()) throw new DomainException("Backup.NotSqlite");
            connectionString = db.Database.GetConnectionString()!;
        }
        var dbPath = Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);
        if (!File.Exists(dbPath)) throw new DomainException("Backup.NoDatabase", dbPath);

        var outDir = Path.GetDirectoryName(outPath)!;
        var work = Path.Combine(outDir, $".xihe-backup-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(work);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DomainException("Backup.CannotWrite", outPath, e.Message);
        }
        try
        {
            var copy = Path.Combine(work, BackupArchive.DatabaseEntry);
            string? migration, lastHash;
            long? lastSequence;
            await using (var source = new SqliteConnection(connectionString))
            {
                await source.OpenAsync(ct);
                await using var target = BackupArchive.OpenUnpooled(copy);
                source.BackupDatabase(target);
                // The archive must hold one self-contained file: the copy is taken out of WAL mode
                // (start-up turns WAL back on after a restore).
                BackupArchive.Scalar(target, "PRAGMA journal_mode=DELETE;");
                migration = BackupArchive.Scalar(target, "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId DESC LIMIT 1");
                var lastSeq = BackupArchive.Scalar(target, "SELECT MAX(Sequence) FROM AuditEntries");
                lastSequence = lastSeq is null ? null : long.Parse(lastSeq, System.Globalization.CultureInfo.InvariantCulture);
                lastHash = BackupArchive.Scalar(target, "SELECT Hash FROM AuditEntries ORDER BY Sequence DESC LIMIT 1");
            }

            // Attachments are copied after the database: a file is stored before any revision that names
            // it is committed and is never changed, so every file the copied database names is already on disk.
            var attachments = ListAttachments(options.Value.AttachmentsDirectory);
            var zipPath = Path.Combine(work, "backup.zip");
            await using (var zipStream = File.Create(zipPath))
            await using (var zip = new ZipArchive(zipStream, ZipArchiveMode.Create))
            {
                await zip.CreateEntryFromFileAsync(copy, BackupArchive.DatabaseEntry, CompressionLevel.Optimal, ct);
                foreach (var (file, entry) in attachments)
                {
                    // Most attachments (pdf, docx, jpg) are compressed already.
                    await zip.CreateEntryFromFileAsync(file, entry, CompressionLevel.Fastest, ct);
                }
                var manifest = new BackupArchive.Manifest(BackupArchive.Format, BackupArchive.FormatVersion, clock.GetUtcNow().UtcDateTime,
                    migration, await Sha256Async(copy, ct), attachments.Count, lastSequence, lastHash);
                await using var manifestStream = await zip.CreateEntry(BackupArchive.ManifestEntry).OpenAsync(ct);
                await JsonSerializer.SerializeAsync(manifestStream, manifest, BackupArchive.Json, ct);
            }
            // Written aside and moved in one step, so a failed backup never leaves a half archive under the given name.
            File.Move(zipPath, outPath, overwrite: false);
            return new Result(outPath, new FileInfo(outPath).Length, attachments.Count, migration, lastSequence);
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }

    private static List<(string File, string Entry)> ListAttachments(string root)
    {
        if (!Directory.Exists(root)) return [];
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => (File: f, Entry: BackupArchive.AttachmentsPrefix + Path.GetRelativePath(root, f).Replace('\\', '/')))
            .Where(x => BackupArchive.IsAttachmentEntry(x.Entry)) // leaves out uploads still being written
            .OrderBy(x => x.Entry, StringComparer.Ordinal)
            .ToList();
    }

    internal static async Task<string> Sha256Async(string path, CancellationToken ct)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
    }
}
