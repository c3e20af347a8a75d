using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Auditing;
using XiheWorkflow.Core.Operations;
using XiheWorkflow.Core.Tests.Cli;
using XiheWorkflow.Domain.Common;

namespace XiheWorkflow.Core.Tests.Auditing;

/// <summary>Tampering is done the way someone with the database would do it: raw SQL on the SQLite file or the PostgreSQL database.</summary>
public class VerifyAuditChainTests
{
    [Fact]
    public async Task AuditVerify_EmptyLog_Exit0WithZeroEntries()
    {
        await using var t = await TestDatabase.CreateAsync();
        var run = await VerifyAsync(t);
        run.ExitCode.ShouldBe(0, run.Error);
        run.Out.Trim().ShouldBe("0 entries, chain intact");
    }

    [Fact]
    public async Task AuditVerify_UntouchedLog_Exit0CountingEntries()
    {
        await using var t = await WithEntriesAsync(5);
        var run = await VerifyAsync(t);
        run.ExitCode.ShouldBe(0, run.Error);
        run.Out.Trim().ShouldBe("5 entries, chain intact");
    }

    [Fact]
    public async Task AuditVerify_EditedRow_Exit1NamingIt()
    {
        await using var t = await WithEntriesAsync(5);
        var id = Execute(t, "UPDATE \"AuditEntries\" SET \"Reason\" = '改过了' WHERE \"Sequence\" = 3; SELECT \"Id\" FROM \"AuditEntries\" WHERE \"Sequence\" = 3");

        var run = await VerifyAsync(t);

        run.ExitCode.ShouldBe(1);
        run.Out.ShouldContain($"entry 3 (id {id})");
        run.Out.ShouldContain("edited");
    }

    [Fact]
    public async Task AuditVerify_EditedRowWithItsHashRecomputed_Exit1NamingTheNextEntry()
    {
        await using var t = await WithEntriesAsync(5);
        // Someone who knows the hash function can make row 3 consistent with itself, but not with row 4.
        AuditEntry original;
        await using (var db = t.NewContext()) original = db.AuditEntries.Single(a => a.Sequence == 3);
        var forged = new AuditEntry(original.AtUtc, original.ActorId, original.ActorName, original.Action, original.EntityType,
            original.EntityId, original.FromState, original.ToState, original.Revision, "改过了", original.Details)
        {
            Sequence = 3,
            PrevHash = original.PrevHash,
        };
        var id4 = Execute(t, $"UPDATE \"AuditEntries\" SET \"Reason\" = '改过了', \"Hash\" = '{forged.ComputeHash()}' WHERE \"Sequence\" = 3; " +
            "SELECT \"Id\" FROM \"AuditEntries\" WHERE \"Sequence\" = 4");

        var run = await VerifyAsync(t);

        run.ExitCode.ShouldBe(1);
        run.Out.ShouldContain($"entry 4 (id {id4})");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task AuditVerify_DeletedRow_Exit1NamingTheEntryAfterTheGap(int deleted)
    {
        await using var t = await WithEntriesAsync(5);
        var nextId = Execute(t, $"DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = {deleted}; SELECT \"Id\" FROM \"AuditEntries\" WHERE \"Sequence\" = {deleted + 1}");

        var run = await VerifyAsync(t);

        run.ExitCode.ShouldBe(1);
        run.Out.ShouldContain($"entry {deleted + 1} (id {nextId})");
        run.Out.ShouldContain("missing");
    }

    [SqliteOnlyFact("a cut tail shows only against SQLite's AUTOINCREMENT high-water mark; a PostgreSQL sequence also moves on for rolled-back inserts, so it cannot tell")]
    public async Task AuditVerify_LastRowDeleted_Exit1()
    {
        await using var t = await WithEntriesAsync(5);
        Execute(t, "DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = 5");

        var run = await VerifyAsync(t);

        run.ExitCode.ShouldBe(1);
        run.Out.ShouldContain("after entry 4");
    }

    [Fact]
    public async Task AuditVerify_RowsReordered_Exit1NamingTheFirstMovedEntry()
    {
        await using var t = await WithEntriesAsync(5);
        var movedId = Execute(t, """
            UPDATE "AuditEntries" SET "Sequence" = -2 WHERE "Sequence" = 2;
            UPDATE "AuditEntries" SET "Sequence" = 2 WHERE "Sequence" = 3;
            UPDATE "AuditEntries" SET "Sequence" = 3 WHERE "Sequence" = -2;
            SELECT "Id" FROM "AuditEntries" WHERE "Sequence" = 2
            """);

        var run = await VerifyAsync(t);

        run.ExitCode.ShouldBe(1);
        run.Out.ShouldContain($"entry 2 (id {movedId})");
        run.Out.ShouldContain("reordered");
    }

    [Fact]
    public async Task AuditVerify_NoDatabase_Exit2NamingIt()
    {
        var dir = Path.Combine(Path.GetTempPath(), "xihe-tests", Guid.NewGuid().ToString("N"));
        var run = await CliRunner.RunAsync("audit", "verify", "--data-dir", dir);
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain(Path.Combine(dir, "xihe.db"));
        Directory.Exists(dir).ShouldBeFalse();
    }

    [Fact]
    public async Task VerifyAuditChain_NotAdmin_Refused()
    {
        await using var t = await TestDatabase.CreateAsync();
        var staff = new Actor("u1", "张明", new HashSet<string> { Roles.Staff });
        var e = await Should.ThrowAsync<DomainException>(() => t.Get<VerifyAuditChain>().HandleAsync(staff));
        e.Code.ShouldBe("Auth.RoleRequired");
    }

    private static async Task<TestDatabase> WithEntriesAsync(int count)
    {
        var t = await TestDatabase.CreateAsync();
        await using var db = t.NewContext();
        for (var i = 1; i <= count; i++)
        {
            db.AuditEntries.Add(new AuditEntry(t.Clock.GetUtcNow().UtcDateTime.AddMinutes(i), "u1", "张明", "Notice.Submit", "Notice", i.ToString(),
                "Draft", "PendingLeader", 1, reason: $"第{i}条"));
        }
        await db.SaveChangesAsync();
        return t;
    }

    private static Task<CliRunner.Run> VerifyAsync(TestDatabase t) => CliRunner.RunAsync("audit", "verify", "--data-dir", t.DataDirectory);

    private static string? Execute(TestDatabase t, string sql)
    {
        if (TestDatabase.IsPostgres)
        {
            using var db = t.NewContext();
            using var connection = new Npgsql.NpgsqlConnection(db.Database.GetConnectionString());
            connection.Open();
            using var command = new Npgsql.NpgsqlCommand(sql, connection);
            return command.ExecuteScalar()?.ToString();
        }
        SqliteConnection.ClearAllPools();
        using var file = BackupArchive.OpenUnpooled(Path.Combine(t.DataDirectory, "xihe.db"));
        return BackupArchive.Scalar(file, sql);
    }
}
