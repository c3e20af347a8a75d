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
/// Restores a backup archive into an empty (or missing) data directory, then migrates it. It never
/// overwrites: a restore over live data would be a second way to lose it.
/// </summary>
public class RestoreBackup(IDbContextFactory<XiheDbContext> contexts, IOptions<XiheOptions> options, DatabaseInitializer initializer)
{
    public record Result(string DataDirectory, DateTime CreatedAtUtc, string? SchemaMigration, int Attachments);

    public async Task<Result> HandleAsync(string archivePath, CancellationToken ct = default)
    {
        archivePath = Path.GetFullPath(archivePath);
        if (!File.Exists(archivePath)) throw new DomainException("Backup.FileNotFound", archivePath);
        var target = options.Value.ResolvedDataDirectory;
        string dbPath;
        IReadOnlySet<string> knownMigrations;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            if (!db.Database.IsSqlite()) throw new DomainException("Backup.NotSqlite");
            dbPath = Path.GetFullPath(new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource);
            knownMigrations = db.Database.GetMigrations().ToHashSet();
        }
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any()) throw new DomainException("Backup.TargetNotEmpty", target);
        if (File.Exists(dbPath)) throw new DomainException("Backup.TargetNotEmpty", dbPath);

        ZipArchive zip;
        try
        {
            zip = await ZipFile.OpenReadAsync(archivePath, ct);
        }
        catch (InvalidDataException)
        {
            throw new DomainException("Backup.NotABackup", archivePath);
        }

        BackupArchive.Manifest manifest;
        await using (zip)
        {
            manifest = await ReadManifestAsync(zip, archivePath, ct);
            if (manifest.FormatVersion > BackupArchive.FormatVersion || manifest.SchemaMigration is { } m && !knownMigrations.Contains(m))
            {
                throw new DomainException("Backup.NewerVersion", archivePath, manifest.SchemaMigration ?? $"format {manifest.FormatVersion}");
            }
            var stray = zip.Entries.FirstOrDefault(e => e.FullName is not (BackupArchive.ManifestEntry or BackupArchive.DatabaseEntry)
                && !BackupArchive.IsAttachmentEntry(e.FullName));
            if (stray is not null) throw new DomainException("Backup.Damaged", archivePath, stray.FullName);
            var dbEntry = zip.GetEntry(BackupArchive.DatabaseEntry) ?? throw new DomainException("Backup.NotABackup", archivePath);

            DataDirectory.EnsureWritable(target);
            try
            {
                await ExtractDatabaseAsync(dbEntry, dbPath, manifest, archivePath, ct);
                foreach (var entry in zip.Entries.Where(e => BackupArchive.IsAttachmentEntry(e.FullName)))
                {
                    await ExtractAttachmentAsync(entry, options.Value.AttachmentsDirectory, archivePath, ct);
                }
            }
            catch
            {
                // The directory was empty: leave it empty again rather than half restored.
                SqliteConnection.ClearAllPools();
                foreach (var dir in Directory.EnumerateDirectories(target)) Directory.Delete(dir, recursive: true);
                foreach (var file in Directory.EnumerateFiles(target)) File.Delete(file);
                if (File.Exists(dbPath)) File.Delete(dbPath);
                throw;
            }
        }

        await initializer.MigrateAsync(ct);
        return new Result(target, manifest.CreatedAtUtc, manifest.SchemaMigration, manifest.Attachments);
    }

    private static async Task<BackupArchive.Manifest> ReadManifestAsync(ZipArchive zip, string archivePath, CancellationToken ct)
    {
        var entry = zip.GetEntry(BackupArchive.ManifestEntry) ?? throw new DomainException("Backup.NotABackup", archivePath);
        try
        {
            await using var stream = await entry.OpenAsync(ct);
            var manifest = await JsonSerializer.DeserializeAsync<BackupArchive.Manifest>(stream, BackupArchive.Json, ct);
            if (manifest is null || manifest.Format != BackupArchive.Format) throw new DomainException("Backup.NotABackup", archivePath);
            return manifest;
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or NotSupportedException)
        {
            throw new DomainException("Backup.NotABackup", archivePath);
        }
    }

    private static async Task ExtractDatabaseAsync(ZipArchiveEntry entry, string dbPath, BackupArchive.Manifest manifest, string archivePath,
        CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(dbPath)!);
        var staging = dbPath + ".restoring";
        try
        {
            await entry.ExtractToFileAsync(staging, overwrite: false, ct);
            if (await CreateBackup.Sha256Async(staging, ct) != manifest.DatabaseSha256)
            {
                throw new DomainException("Backup.Damaged", archivePath, BackupArchive.DatabaseEntry);
            }
            await using (var check = BackupArchive.OpenUnpooled(staging, SqliteOpenMode.ReadOnly))
            {
                if (BackupArchive.Scalar(check, "PRAGMA integrity_check;") != "ok")
                {
                    throw new DomainException("Backup.Damaged", archivePath, BackupArchive.DatabaseEntry);
                }
            }
            File.Move(staging, dbPath);
        }
        catch (InvalidDataException)
        {
            throw new DomainException("Backup.Damaged", archivePath, BackupArchive.DatabaseEntry);
        }
        finally
        {
            if (File.Exists(staging)) File.Delete(staging);
        }
    }

    private static async Task ExtractAttachmentAsync(ZipArchiveEntry entry, string attachmentsRoot, string archivePath, CancellationToken ct)
    {
        var relative = entry.FullName[BackupArchive.AttachmentsPrefix.Length..];
        var path = Path.Combine(attachmentsRoot, relative.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            await entry.ExtractToFileAsync(path, overwrite: false, ct);
        }
        catch (InvalidDataException)
        {
            throw new DomainException("Backup.Damaged", archivePath, entry.FullName);
        }
        // The name is the content's hash, so a damaged attachment is found now rather than when someone opens it.
        await using var stream = File.OpenRead(path);
        if (Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct)) != Path.GetFileName(path))
        {
            throw new DomainException("Backup.Damaged", archivePath, entry.FullName);
        }
    }
}
