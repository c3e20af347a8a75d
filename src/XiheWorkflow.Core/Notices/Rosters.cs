using System.Text;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using XiheWorkflow.Core.Auditing;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Core.Importing;
using XiheWorkflow.Core.Privacy;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;
using XiheWorkflow.Domain.Privacy;

namespace XiheWorkflow.Core.Notices;

/// <summary>Reads a roster from .xlsx (first sheet) or .csv, first row the header.</summary>
public static class RosterReader
{
    public const long MaxBytes = 5 * 1024 * 1024;

    public static async Task<Roster> ReadAsync(Stream content, string fileName, long size, CancellationToken ct = default)
    {
        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        if (ext is not (".xlsx" or ".csv")) throw new DomainException("Roster.TypeRefused", fileName);
        if (size > MaxBytes) throw new DomainException("Roster.TooLarge", fileName, MaxBytes / 1024 / 1024);
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        if (buffer.Length > MaxBytes) throw new DomainException("Roster.TooLarge", fileName, MaxBytes / 1024 / 1024);
        buffer.Position = 0;
        List<IReadOnlyList<string?>> table;
        try
        {
            table = ext == ".csv"
                ? Csv.Read(TextDecoding.Decode(buffer.ToArray())).Select(r => (IReadOnlyList<string?>)r).ToList()
                : buffer.Query(useHeaderRow: false)
                    .Select(row => (IReadOnlyList<string?>)((IDictionary<string, object?>)row).Values.Select(v => v?.ToString()).ToList())
                    .ToList();
        }
        catch (Exception e) when (e is not DomainException and not OperationCanceledException)
        {
            throw new DomainException("Roster.NotATable", fileName);
        }
        return Roster.FromTable(table);
    }
}

/// <summary>名单: attach, mask, trim or remove the working roster of a draft. Only its author, only while editable.</summary>
public class EditRoster(IDbContextFactory<XiheDbContext> contexts, TimeProvider clock)
{
    public async Task AttachAsync(int noticeId, Stream content, string fileName, long size, Actor actor, CancellationToken ct = default)
    {
        var roster = await RosterReader.ReadAsync(content, fileName, size, ct);
        await ChangeAsync(noticeId, actor, "Notice.RosterAttached", fileName, (_, _) => (Path.GetFileName(fileName), roster), ct);
    }

    /// <summary>一键遮盖: every ID-card, mobile and bank-card number in the cells, masked.</summary>
    public Task MaskAsync(int noticeId, Actor actor, CancellationToken ct = default)
    {
        var today = ChinaTime.DateOf(clock.GetUtcNow().UtcDateTime);
        return ChangeAsync(noticeId, actor, "Notice.RosterMasked", null,
            (name, roster) => (name, roster.MapCells(c => PrivacyMasker.Mask(c, today))), ct);
    }

    /// <summary>Drops a column a 低保-type list must not carry (身份证, 电话, 住址 …).</summary>
    public Task RemoveColumnAsync(int noticeId, string header, Actor actor, CancellationToken ct = default) =>
        ChangeAsync(noticeId, actor, "Notice.RosterColumnRemoved", header, (name, roster) =>
        {
            var index = roster.Headers.ToList().IndexOf(header);
            if (index < 0) throw new DomainException("Roster.NoSuchColumn", header);
            if (roster.Headers.Count == 1) throw new DomainException("Roster.LastColumn");
            return (name, roster with
            {
                Headers = roster.Headers.Where((_, i) => i != index).ToList(),
                Rows = roster.Rows.Select(r => (IReadOnlyList<string>)r.Where((_, i) => i != index).ToList()).ToList(),
            });
        }, ct);

    public async Task RemoveAsync(int noticeId, Actor actor, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await CheckEditableAsync(db, noticeId, actor, ct);
        var working = await db.NoticeRosters.SingleOrDefaultAsync(r => r.NoticeId == noticeId && r.Revision == null, ct);
        if (working is null) return;
        db.NoticeRosters.Remove(working);
        Audit(db, actor, noticeId, "Notice.RosterRemoved", working.FileName);
        await db.SaveChangesAsync(ct);
    }

    private async Task ChangeAsync(int noticeId, Actor actor, string action, string? details,
        Func<string, Roster, (string Name, Roster Roster)> change, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await CheckEditableAsync(db, noticeId, actor, ct);
        var working = await db.NoticeRosters.SingleOrDefaultAsync(r => r.NoticeId == noticeId && r.Revision == null, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (working is null)
        {
            if (action != "Notice.RosterAttached") throw new DomainException("Roster.None");
            var (name, roster) = change("", new Roster());
            db.NoticeRosters.Add(new NoticeRoster(noticeId, null, name, roster, now));
        }
        else
        {
            var (name, roster) = change(working.FileName, working.Roster);
            working.Replace(name, roster, now);
        }
        Audit(db, actor, noticeId, action, details);
        await db.SaveChangesAsync(ct);
    }

    private static async Task CheckEditableAsync(XiheDbContext db, int noticeId, Actor actor, CancellationToken ct)
    {
        var notice = await db.Notices.AsNoTracking().Where(n => n.Id == noticeId).Select(n => new { n.AuthorId, n.State })
            .SingleOrDefaultAsync(ct) ?? throw new DomainException("Notice.NotFound", noticeId);
        // A published notice's roster changes only through a correction its drafter has open.
        var correction = await db.NoticeCorrections.AsNoTracking()
            .Where(c => c.NoticeId == noticeId && (c.Status == CorrectionStatus.Draft || c.Status == CorrectionStatus.Returned))
            .Select(c => new { c.AuthorId }).SingleOrDefaultAsync(ct);
        if (correction is not null && NoticeWorkflow.IsPublic(notice.State))
        {
            if (correction.AuthorId != actor.UserId) throw new DomainException("Workflow.OnlyAuthor");
            return;
        }
        if (!NoticeWorkflow.IsEditable(notice.State)) throw new DomainException("Notice.NotEditable", CodeLabels.Label(notice.State));
        if (notice.AuthorId != actor.UserId) throw new DomainException("Workflow.OnlyAuthor");
    }

    private void Audit(XiheDbContext db, Actor actor, int noticeId, string action, string? details) =>
        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow().UtcDateTime, actor.UserId, actor.Name, action, "Notice", noticeId.ToString(),
            details: details));
}

public static class NoticeRosters
{
    /// <summary>The roster a reader sees: the latest frozen one, or the draft's working copy before the first submit.</summary>
    public static async Task<NoticeRoster?> CurrentAsync(XiheDbContext db, int noticeId, bool preferWorking, CancellationToken ct)
    {
        var all = await db.NoticeRosters.AsNoTracking().Where(r => r.NoticeId == noticeId).ToListAsync(ct);
        var working = all.SingleOrDefault(r => r.Revision == null);
        var frozen = all.Where(r => r.Revision != null).OrderByDescending(r => r.Revision).FirstOrDefault();
        return preferWorking ? working ?? frozen : frozen ?? working;
    }

    /// <summary>After a rejected correction: the working copy is the published roster again (or none).</summary>
    public static async Task ResetWorkingAsync(XiheDbContext db, int noticeId, DateTime nowUtc, CancellationToken ct)
    {
        var all = await db.NoticeRosters.Where(r => r.NoticeId == noticeId).ToListAsync(ct);
        var working = all.SingleOrDefault(r => r.Revision == null);
        var published = all.Where(r => r.Revision != null).OrderByDescending(r => r.Revision).FirstOrDefault();
        if (published is null)
        {
            if (working is not null) db.NoticeRosters.Remove(working);
        }
        else if (working is null)
        {
            db.NoticeRosters.Add(new NoticeRoster(noticeId, null, published.FileName, published.Roster, nowUtc));
        }
        else
        {
            working.Replace(published.FileName, published.Roster, nowUtc);
        }
    }

    /// <summary>Freezes the working roster with the revision just submitted.</summary>
    public static async Task FreezeAsync(XiheDbContext db, int noticeId, int revision, DateTime nowUtc, CancellationToken ct)
    {
        var working = await db.NoticeRosters.AsNoTracking().SingleOrDefaultAsync(r => r.NoticeId == noticeId && r.Revision == null, ct);
        if (working is not null) db.NoticeRosters.Add(new NoticeRoster(noticeId, revision, working.FileName, working.Roster, nowUtc));
    }
}
