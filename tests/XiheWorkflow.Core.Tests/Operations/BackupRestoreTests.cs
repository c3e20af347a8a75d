using System.IO.Compression;
using Microsoft.Data.Sqlite;
using XiheWorkflow.Core.Auditing;
using XiheWorkflow.Core.Notices;
using XiheWorkflow.Core.Operations;
using XiheWorkflow.Core.Tests.Cli;
using XiheWorkflow.Core.Tests.Privacy;

namespace XiheWorkflow.Core.Tests.Operations;

public sealed class BackupRestoreTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }

    [PostgresFact]
    public async Task Backup_OnPostgres_RefusedPointingToPgDump()
    {
        await using var t = await TestDatabase.CreateAsync();
        var e = await Should.ThrowAsync<XiheWorkflow.Domain.Common.DomainException>(() => t.Get<CreateBackup>().HandleAsync(_temp.File("b.zip")));
        e.Code.ShouldBe("Backup.NotSqlite");
        File.Exists(_temp.File("b.zip")).ShouldBeFalse();
    }

    [SqliteOnlyFact("the archive is SQLite's online backup of its file; PostgreSQL is backed up with pg_dump")]
    public async Task BackupThenRestore_WhileAnotherConnectionWrites_RestoresTheSameRowsAndAttachments()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var content = new byte[300_000];
        new Random(7).NextBytes(content);
        var attachment = await t.Get<AttachmentStore>().SaveAsync(new MemoryStream(content), "低保名单.pdf", content.Length);

        using var stop = new CancellationTokenSource();
        var written = 0;
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await using var db = t.NewContext();
                db.AuditEntries.Add(new AuditEntry(t.Clock.GetUtcNow().UtcDateTime, null, "writer", "Test.Write", "Test", written.ToString()));
                await db.SaveChangesAsync();
                Interlocked.Increment(ref written);
            }
        });
        while (Volatile.Read(ref written) < 5) await Task.Delay(5);

        var archive = _temp.File("nightly.zip");
        var backup = await t.Get<CreateBackup>().HandleAsync(archive);
        await Task.Delay(50);
        await stop.CancelAsync();
        await writer;

        var target = _temp.File("restored");
        var run = await CliRunner.RunAsync("restore", archive, "--data-dir", target);
        run.ExitCode.ShouldBe(0, run.Error);

        var sourceDb = Path.Combine(t.DataDirectory, "xihe.db");
        var restoredDb = Path.Combine(target, "xihe.db");
        foreach (var table in new[] { "AspNetUsers", "AspNetUserRoles", "Offices", "Categories", "WorkflowTemplates", "Notices", "NoticeRevisions", "NoticeEvents" })
        {
            Dump(restoredDb, table).ShouldBe(Dump(sourceDb, table), table);
        }
        backup.LastAuditSequence.ShouldNotBeNull();
        Dump(restoredDb, "AuditEntries").ShouldBe(Dump(sourceDb, "AuditEntries", $"Sequence <= {backup.LastAuditSequence}"));
        Dump(sourceDb, "AuditEntries").Count.ShouldBeGreaterThan(Dump(restoredDb, "AuditEntries").Count, "the writer went on after the backup");
        Scalar(restoredDb, "PRAGMA integrity_check").ShouldBe("ok");
        Scalar(restoredDb, "PRAGMA journal_mode").ShouldBe("wal");
        File.ReadAllBytes(Path.Combine(target, "attachments", attachment.Sha256[..2], attachment.Sha256)).ShouldBe(content);
    }

    [Fact]
    public async Task BackupCommand_ThenRestoreCommand_RoundTripsThroughTheCommandLine()
    {
        var source = _temp.File("source");
        (await CliRunner.RunAsync("seed", "demo", "--data-dir", source)).ExitCode.ShouldBe(0);
        var archive = _temp.File("b.zip");

        var backup = await CliRunner.RunAsync("backup", "--out", archive, "--data-dir", source);
        backup.ExitCode.ShouldBe(0, backup.Error);
        backup.Out.ShouldContain(archive);

        var target = _temp.File("target");
        var restore = await CliRunner.RunAsync("restore", archive, "--data-dir", target);
        restore.ExitCode.ShouldBe(0, restore.Error);
        Dump(Path.Combine(target, "xihe.db"), "AspNetUsers").ShouldBe(Dump(Path.Combine(source, "xihe.db"), "AspNetUsers"));
        using var zip = ZipFile.OpenRead(archive);
        zip.Entries.Select(e => e.FullName).ShouldContain(BackupArchive.ManifestEntry);
    }

    [Fact]
    public async Task Backup_OutFileExists_Exit2AndLeavesItAlone()
    {
        var source = _temp.File("source");
        (await CliRunner.RunAsync("db", "migrate", "--data-dir", source)).ExitCode.ShouldBe(0);
        var archive = _temp.Write("old.zip", "previous backup");

        var run = await CliRunner.RunAsync("backup", "--out", archive, "--data-dir", source);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain(archive);
        File.ReadAllText(archive).ShouldBe("previous backup");
    }

    [Fact]
    public async Task Backup_NoDatabase_Exit2NamingIt()
    {
        var run = await CliRunner.RunAsync("backup", "--out", _temp.File("b.zip"), "--data-dir", _temp.File("empty"));
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("xihe.db");
        File.Exists(_temp.File("b.zip")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("text")]
    [InlineData("zipWithoutManifest")]
    [InlineData("otherManifest")]
    public async Task Restore_FileThatIsNotABackup_Exit2WithOneLineAndWritesNothing(string kind)
    {
        var file = _temp.File("not-a-backup.zip");
        if (kind == "text")
        {
            File.WriteAllText(file, "这不是备份");
        }
        else
        {
            using var zip = ZipFile.Open(file, ZipArchiveMode.Create);
            using var writer = new StreamWriter(zip.CreateEntry(kind == "otherManifest" ? BackupArchive.ManifestEntry : "readme.txt").Open());
            writer.Write("""{ "format": "something-else", "formatVersion": 1 }""");
        }
        var target = _temp.File("target");

        var run = await CliRunner.RunAsync("restore", file, "--data-dir", target);

        run.ExitCode.ShouldBe(2);
        run.Error.Trim().Split('\n').Length.ShouldBe(1);
        run.Error.ShouldContain(file);
        run.Error.ShouldContain("不是 XiheWorkflow 的备份文件");
        Directory.Exists(target).ShouldBeFalse();
    }

    [Fact]
    public async Task Restore_DamagedDatabase_Exit2AndLeavesTheDirectoryEmpty()
    {
        var source = _temp.File("source");
        (await CliRunner.RunAsync("db", "migrate", "--data-dir", source)).ExitCode.ShouldBe(0);
        var archive = _temp.File("b.zip");
        (await CliRunner.RunAsync("backup", "--out", archive, "--data-dir", source)).ExitCode.ShouldBe(0);
        using (var zip = ZipFile.Open(archive, ZipArchiveMode.Update))
        {
            zip.GetEntry(BackupArchive.DatabaseEntry)!.Delete();
            using var stream = zip.CreateEntry(BackupArchive.DatabaseEntry).Open();
            stream.Write(new byte[4096]);
        }
        var target = _temp.File("target");
        Directory.CreateDirectory(target);

        var run = await CliRunner.RunAsync("restore", archive, "--data-dir", target);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("已损坏");
        Directory.EnumerateFileSystemEntries(target).ShouldBeEmpty();
    }

    [Fact]
    public async Task Restore_NonEmptyDataDirectory_Exit2NamingItAndChangesNothing()
    {
        var source = _temp.File("source");
        (await CliRunner.RunAsync("db", "migrate", "--data-dir", source)).ExitCode.ShouldBe(0);
        var archive = _temp.File("b.zip");
        (await CliRunner.RunAsync("backup", "--out", archive, "--data-dir", source)).ExitCode.ShouldBe(0);
        var target = _temp.File("target");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "notes.txt"), "keep me");

        var run = await CliRunner.RunAsync("restore", archive, "--data-dir", target);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain(target);
        run.Error.Trim().Split('\n').Length.ShouldBe(1);
        Directory.EnumerateFileSystemEntries(target).Select(Path.GetFileName).ShouldBe(["notes.txt"]);
    }

    private static List<string> Dump(string dbPath, string table, string where = "1 = 1")
    {
        using var connection = BackupArchive.OpenUnpooled(dbPath, SqliteOpenMode.ReadOnly);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\" WHERE {where} ORDER BY 1";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i)))));
        }
        return rows;
    }

    private static string? Scalar(string dbPath, string sql)
    {
        using var connection = BackupArchive.OpenUnpooled(dbPath, SqliteOpenMode.ReadOnly);
        return BackupArchive.Scalar(connection, sql);
    }
}
