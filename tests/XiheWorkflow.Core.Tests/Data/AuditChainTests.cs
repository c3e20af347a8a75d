using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Auditing;

namespace XiheWorkflow.Core.Tests.Data;

public class AuditChainTests
{
    [Fact]
    public async Task SaveChanges_NewEntries_LinkEachToThePreviousHash()
    {
        await using var t = await TestDatabase.CreateAsync();
        var now = t.Clock.GetUtcNow().UtcDateTime;
        await using (var db = t.NewContext())
        {
            db.AuditEntries.Add(new AuditEntry(now, null, "a", "Test.One", "Test", "1"));
            db.AuditEntries.Add(new AuditEntry(now, null, "a", "Test.Two", "Test", "1"));
            await db.SaveChangesAsync();
        }
        await using (var db = t.NewContext())
        {
            db.AuditEntries.Add(new AuditEntry(now, null, "b", "Test.Three", "Test", "2", reason: "why"));
            await db.SaveChangesAsync();
        }
        await using var read = t.NewContext();
        var entries = await read.AuditEntries.OrderBy(a => a.Sequence).ToListAsync();
        entries.Select(e => e.Sequence).ShouldBe([1L, 2L, 3L]);
        entries[0].PrevHash.ShouldBe("");
        entries[1].PrevHash.ShouldBe(entries[0].Hash);
        entries[2].PrevHash.ShouldBe(entries[1].Hash);
        entries.ShouldAllBe(e => e.Hash == e.ComputeHash());
    }

    [Fact]
    public async Task SaveChanges_TimeWithTicksBelowAMicrosecond_HashStillMatchesWhatIsReadBack()
    {
        await using var t = await TestDatabase.CreateAsync();
        // The real clock has 100 ns ticks; PostgreSQL keeps microseconds.
        var now = new DateTime(2024, 5, 10, 1, 30, 0, DateTimeKind.Utc).AddTicks(1_234_567);
        await using (var db = t.NewContext())
        {
            db.AuditEntries.Add(new AuditEntry(now, null, "a", "Test.One", "Test", "1"));
            await db.SaveChangesAsync();
        }
        await using var read = t.NewContext();
        var entry = await read.AuditEntries.AsNoTracking().SingleAsync();
        entry.AtUtc.ShouldBe(now.AddTicks(-7));
        entry.Hash.ShouldBe(entry.ComputeHash());
    }
}
