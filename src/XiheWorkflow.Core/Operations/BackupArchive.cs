using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Data.Sqlite;

namespace XiheWorkflow.Core.Operations;

/// <summary>
/// The layout of a backup archive (a zip): <c>manifest.json</c>, <c>xihe.db</c> (a self-contained
/// SQLite file, no WAL) and <c>attachments/&lt;sha[0..2]&gt;/&lt;sha&gt;</c>, exactly as in the data directory.
/// </summary>
public static class BackupArchive
{
    public const string Format = "xihe-backup";
    public const int FormatVersion = 1;
    public const string ManifestEntry = "manifest.json";
    public const string DatabaseEntry = "xihe.db";
    public const string AttachmentsPrefix = "attachments/";

    public record Manifest(
        string Format,
        int FormatVersion,
        DateTime CreatedAtUtc,
        string? SchemaMigration,
        string DatabaseSha256,
        int Attachments,
        long? LastAuditSequence,
        string? LastAuditHash);

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>An attachment entry is only ever two hex characters and a 64-character hash; anything else
    /// (a "../" path above all) is not something this program wrote.</summary>
    public static bool IsAttachmentEntry(string name)
    {
        if (!name.StartsWith(AttachmentsPrefix, StringComparison.Ordinal)) return false;
        var parts = name[AttachmentsPrefix.Length..].Split('/');
        return parts.Length == 2 && parts[0].Length == 2 && parts[1].Length == 64 && parts[1].StartsWith(parts[0], StringComparison.Ordinal)
            && parts[1].All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');
    }

    /// <summary>A connection that leaves no handle in the pool, so the file can be moved or zipped right after.</summary>
    public static SqliteConnection OpenUnpooled(string path, SqliteOpenMode mode = SqliteOpenMode.ReadWriteCreate)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public static string? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar() switch { null or DBNull => null, var v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) };
    }
}
