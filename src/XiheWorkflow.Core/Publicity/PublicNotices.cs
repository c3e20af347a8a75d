using System.Globalization;
using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;

namespace XiheWorkflow.Core.Publicity;

/// <summary>A notice as the public sees it (INTERFACES.md §6). Nothing about the people who wrote or decided it.</summary>
public record PublicNotice(int Id, string Title, string Office, string Category, NoticeKind Kind, NoticeState State,
    DateTime PublishedAtUtc, DateOnly? From, DateOnly? To, bool Provisional, string? IndexNumber, string? DocumentNumber,
    string? BodyHtml, DateTime? PublicityEndsAtUtc)
{
    public string PublishedAtText => ToShanghai(PublishedAtUtc);

    public static string ToShanghai(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(TimeSpan.FromHours(8))
            .ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}

/// <summary>A published 更正 as the public sees it: when, what changed (更正说明), whether it restarted the window.</summary>
public record PublicCorrection(DateTime AtUtc, string Note, bool WindowRestarted);

/// <summary>A 说明 published beside a notice.</summary>
public record PublicClarification(DateTime AtUtc, string Text);

/// <summary>The correction history and clarifications of one public notice, oldest first.</summary>
public record PublicAmendments(IReadOnlyList<PublicCorrection> Corrections, IReadOnlyList<PublicClarification> Clarifications)
{
    public static readonly PublicAmendments None = new([], []);
}

/// <summary>A notice taken down (回收 / 已失效): what the county portal needs to take it down too.</summary>
public record GoneNotice(int Id, string Title, NoticeState State, DateTime AtUtc, string? Reason);

public enum PublicFilter { All, InPublicity, Published }

/// <summary>Read models of the public pages, the JSON API and the feed.</summary>
public class PublicNotices(IDbContextFactory<XiheDbContext> contexts, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<XiheOptions> options)
{
    private static readonly NoticeState[] Visible = NoticeWorkflow.PublicStates;
    private static readonly NoticeState[] Gone = [NoticeState.Withdrawn, NoticeState.Expired];

    public async Task<(IReadOnlyList<PublicNotice> Items, int Total)> ListAsync(PublicFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var states = filter switch
        {
            PublicFilter.InPublicity => [NoticeState.InPublicity],
            PublicFilter.Published => Visible.Where(s => s != NoticeState.InPublicity).ToArray(),
            _ => Visible,
        };
        var visible = db.Notices.Where(n => states.Contains(n.State) && n.PublishedAtUtc != null);
        var total = await visible.CountAsync(ct);
        var pageOf = visible.OrderByDescending(n => n.PublishedAtUtc).ThenByDescending(n => n.Id).Skip((page - 1) * pageSize).Take(pageSize);
        var items = await Project(db, pageOf, withBody: false).ToListAsync(ct);
        // The join may not keep the page's order; newest first is the contract.
        return (items.OrderByDescending(n => n.PublishedAtUtc).ThenByDescending(n => n.Id).ToList(), total);
    }

    /// <summary>The public notice, or the record of its withdrawal; (null, null) when it was never published.</summary>
    public async Task<(PublicNotice? Notice, GoneNotice? Gone)> FindAsync(int id, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var notice = await Project(db, db.Notices.Where(n => n.Id == id && Visible.Contains(n.State) && n.PublishedAtUtc != null), withBody: true)
            .SingleOrDefaultAsync(ct);
        if (notice is not null) return (notice, null);
        var gone = await GoneAsync(db.Notices.Where(n => n.Id == id), ct);
        return (null, gone.SingleOrDefault());
    }

    /// <summary>
    /// An attachment the public may download: one of the public revision's (<see cref="Notice.PublicRevision"/>)
    /// of a notice the public may see; null for anything else (a draft's, a withdrawn notice's, another
    /// notice's, one a correction removed).
    /// </summary>
    public async Task<AttachmentRef?> AttachmentAsync(int id, string sha256, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var notice = await db.Notices.AsNoTracking().Include(n => n.Revisions)
            .Where(n => n.Id == id && Visible.Contains(n.State) && n.PublishedAtUtc != null).SingleOrDefaultAsync(ct);
        return notice?.PublicRevision?.Content.Attachments.FirstOrDefault(a => a.Sha256 == sha256);
    }

    /// <summary>The roster the public pages show with a notice (see <see cref="PublicRosterAsync"/>); null when none is public.</summary>
    public async Task<Roster?> RosterAsync(int id, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var notice = await db.Notices.AsNoTracking().Where(n => n.Id == id && Visible.Contains(n.State) && n.PublishedAtUtc != null)
            .Select(n => new { n.CurrentRevision, n.PublicityTo }).SingleOrDefaultAsync(ct);
        if (notice is null) return null;
        return await PublicRosterAsync(db, id, notice.CurrentRevision, notice.PublicityTo, clock.GetUtcNow().UtcDateTime,
            options.Value.RosterPublicDays, ct);
    }

    /// <summary>
    /// The roster published with a notice — on its public page and on every channel: the one frozen
    /// with the revision the public sees (<see cref="Notice.PublicRevision"/>; none when that revision
    /// carried none, e.g. a correction removed it). It leaves the public
    /// <paramref name="rosterPublicDays"/> days (<see cref="XiheOptions.RosterPublicDays"/>) after the
    /// window ends (DESIGN.md §5); the notice stays, the list does not.
    /// </summary>
    public static async Task<Roster?> PublicRosterAsync(XiheDbContext db, int noticeId, int publicRevision, DateOnly? publicityTo,
        DateTime nowUtc, int rosterPublicDays, CancellationToken ct)
    {
        if (publicityTo is { } to && ChinaTime.DateOf(nowUtc) > to.AddDays(rosterPublicDays)) return null;
        var roster = await db.NoticeRosters.AsNoTracking().Where(r => r.NoticeId == noticeId && r.Revision == publicRevision)
            .FirstOrDefaultAsync(ct);
        return roster?.Roster;
    }

    /// <summary>
    /// 更正说明 and 说明 of the given notices. Only published corrections: a correction still in
    /// review, returned or rejected is internal.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, PublicAmendments>> AmendmentsAsync(IReadOnlyCollection<int> ids, CancellationToken ct = default)
    {
        if (ids.Count == 0) return new Dictionary<int, PublicAmendments>();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var corrections = await db.NoticeCorrections.AsNoTracking()
            .Where(c => ids.Contains(c.NoticeId) && c.Status == CorrectionStatus.Published)
            .Select(c => new { c.NoticeId, c.PublishedAtUtc, c.Note, c.WindowRestarted, c.Number }).ToListAsync(ct);
        var clarifications = await db.NoticeClarifications.AsNoTracking().Where(c => ids.Contains(c.NoticeId))
            .Select(c => new { c.NoticeId, c.AtUtc, c.Text, c.Id }).ToListAsync(ct);
        return ids.Distinct().ToDictionary(id => id, id => new PublicAmendments(
            corrections.Where(c => c.NoticeId == id).OrderBy(c => c.Number)
                .Select(c => new PublicCorrection(c.PublishedAtUtc!.Value, c.Note, c.WindowRestarted)).ToList(),
            clarifications.Where(c => c.NoticeId == id).OrderBy(c => c.AtUtc).ThenBy(c => c.Id)
                .Select(c => new PublicClarification(c.AtUtc, c.Text)).ToList()));
    }

    /// <summary>For the feed: public notices and withdrawn ones, most recently changed first.</summary>
    public async Task<(IReadOnlyList<(PublicNotice Notice, DateTime UpdatedAtUtc)> Live, IReadOnlyList<GoneNotice> Gone)> FeedAsync(int take, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var live = await (from n in db.Notices.AsNoTracking()
                          join o in db.Offices on n.OfficeId equals o.Id
                          join c in db.Categories on n.CategoryId equals c.Id
                          where Visible.Contains(n.State) && n.PublishedAtUtc != null
                          orderby n.UpdatedAtUtc descending
                          select new { Notice = new PublicNotice(n.Id, n.Title, o.Name, c.Name, n.Kind, n.State, n.PublishedAtUtc!.Value, n.PublicityFrom,
                              n.PublicityTo, n.PublicityProvisional, n.IndexNumber, n.DocumentNumber, null, n.PublicityEndsAtUtc), n.UpdatedAtUtc })
            .Take(take).ToListAsync(ct);
        var gone = (await GoneAsync(db.Notices.OrderByDescending(n => n.UpdatedAtUtc).Take(take), ct)).OrderByDescending(g => g.AtUtc).ToList();
        return (live.Select(l => (l.Notice, l.UpdatedAtUtc)).ToList(), gone);
    }

    /// <summary>When and why each was taken down: the last event of its history.</summary>
    private static async Task<List<GoneNotice>> GoneAsync(IQueryable<Notice> notices, CancellationToken ct)
    {
        var rows = await notices.AsNoTracking().Where(n => Gone.Contains(n.State) && n.PublishedAtUtc != null)
            .Select(n => new
            {
                n.Id, n.Title, n.State, n.UpdatedAtUtc,
                Last = n.Events.OrderByDescending(e => e.Sequence).Select(e => new { e.AtUtc, e.Reason }).FirstOrDefault(),
            }).ToListAsync(ct);
        return rows.Select(r => new GoneNotice(r.Id, r.Title, r.State, r.Last?.AtUtc ?? r.UpdatedAtUtc, r.Last?.Reason)).ToList();
    }

    private static IQueryable<PublicNotice> Project(XiheDbContext db, IQueryable<Notice> notices, bool withBody) =>
        from n in notices.AsNoTracking()
        join o in db.Offices on n.OfficeId equals o.Id
        join c in db.Categories on n.CategoryId equals c.Id
        select new PublicNotice(n.Id, n.Title, o.Name, c.Name, n.Kind, n.State, n.PublishedAtUtc!.Value, n.PublicityFrom, n.PublicityTo,
            n.PublicityProvisional, n.IndexNumber, n.DocumentNumber, withBody ? n.BodyHtml : null, n.PublicityEndsAtUtc);
}
