using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Domain.Common;

namespace XiheWorkflow.Core.Auditing;

/// <summary>
/// Walks the audit log in sequence order, recomputing every hash, and names the first entry that
/// does not fit: edited (its hash no longer matches its content), not linked to the entry before it
/// (moved, or the one before was changed), or preceded by a gap (entries deleted).
/// </summary>
public class VerifyAuditChain(IDbContextFactory<XiheDbContext> contexts)
{
    public enum BreakKind
    {
        /// <summary>The entry's content no longer matches its hash.</summary>
        Edited,
        /// <summary>The entry's previous-hash is not the hash of the entry before it: reordered, or the one before was replaced.</summary>
        NotLinked,
        /// <summary>Sequence numbers before this entry are missing: entries were deleted.</summary>
        EntriesMissing,
        /// <summary>Entries after the last one were deleted (the table once held higher ids).</summary>
        TailMissing,
    }

    /// <summary><see cref="Id"/> is null for <see cref="BreakKind.TailMissing"/>: there is no row left to name.</summary>
    public record BrokenEntry(long Sequence, long? Id, BreakKind Kind, long? ExpectedSequence = null);

    public record Result(long Entries, BrokenEntry? FirstBroken)
    {
        public bool Intact => FirstBroken is null;
    }

    public async Task<Result> HandleAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (db.Database.IsSqlite())
        {
            var path = Path.GetFullPath(new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource);
            if (!File.Exists(path)) throw new DomainException("Data.NoDatabase", path);
        }

        long expected = 1, maxId = 0, count = 0;
        var prev = "";
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (entry.Sequence != expected) return new Result(count, new BrokenEntry(entry.Sequence, entry.Id, BreakKind.EntriesMissing, expected));
            if (entry.PrevHash != prev) return new Result(count, new BrokenEntry(entry.Sequence, entry.Id, BreakKind.NotLinked));
            if (entry.Hash != entry.ComputeHash()) return new Result(count, new BrokenEntry(entry.Sequence, entry.Id, BreakKind.Edited));
            prev = entry.Hash;
            maxId = Math.Max(maxId, entry.Id);
            expected++;
            count++;
        }

        // A chain cannot show that its last links were cut; SQLite's AUTOINCREMENT high-water mark can,
        // unless that was edited too (the backup manifest keeps the last sequence and hash as an outside anchor).
        if (db.Database.IsSqlite())
        {
            var highest = await db.Database.SqlQueryRaw<long>("SELECT seq AS Value FROM sqlite_sequence WHERE name = 'AuditEntries'")
                .ToListAsync(ct);
            if (highest.Count == 1 && highest[0] > maxId) return new Result(count, new BrokenEntry(expected, null, BreakKind.TailMissing));
        }
        return new Result(count, null);
    }
}
