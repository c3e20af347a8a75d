using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Calendar;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Core.Notices;
using XiheWorkflow.Domain.Channels;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;

namespace XiheWorkflow.Core.Channels;

public sealed record PostingView(Channel Channel, PostingStatus Status, DateOnly? PostedOn, string? Link, AttachmentRef? Photo,
    ContentForm? Form, ContentOrigin? Origin, string? Reason, string ActorName, DateTime RecordedAtUtc, int Revision);

/// <summary>Each channel the approved revision names, with its record or none yet (still missing).</summary>
public sealed record ChannelStatus(Channel Channel, PostingView? Record)
{
    public bool Missing => Record is null;
}

/// <summary>A published notice with channels still missing past the allowed working day.</summary>
public sealed record OverduePosting(int NoticeId, string Title, DateOnly PublishedOn, IReadOnlyList<Channel> Missing);

/// <summary>A notice published in a year that no channel carries: listed so that it is not silently counted.</summary>
public sealed record UnpostedNotice(int NoticeId, string Title, DateOnly PublishedOn, IReadOnlyList<Channel> Channels);

public class PostingQueries(IDbContextFactory<XiheDbContext> contexts, CalendarProvider calendars, TimeProvider clock)
{
    /// <summary>The channels of a public notice and what was recorded for each; empty for one the person may not see.</summary>
    public async Task<IReadOnlyList<ChannelStatus>> ForNoticeAsync(int noticeId, Actor actor, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var notice = await db.Notices.AsNoTracking().Include(n => n.Revisions).SingleOrDefaultAsync(n => n.Id == noticeId, ct);
        if (notice is null || !NoticeWorkflow.IsPublic(notice.State)
            || !NoticeQueries.MaySee(notice, actor, await NoticeActors.LoadAsync(db, actor, ct))) return [];
        var channels = notice.PublicRevision?.Content.Channels ?? [];
        var records = await db.Set<NoticePosting>().AsNoTracking().Where(p => p.NoticeId == noticeId).ToListAsync(ct);
        return channels.Select(c => new ChannelStatus(c, records.Where(r => r.Channel == c).Select(View).SingleOrDefault())).ToList();
    }

    /// <summary>
    /// Reminder hook (the notification centre is built elsewhere): published notices with an approved
    /// channel not yet posted (nor marked not needed) once one full working day after the publication
    /// day has passed.
    /// </summary>
    public async Task<IReadOnlyList<OverduePosting>> OverdueAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var today = ChinaTime.DateOf(clock.GetUtcNow().UtcDateTime);
        var calendar = await calendars.GetAsync(ct);
        var published = await PublicNoticesAsync(db, ct);
        var recorded = await RecordedChannelsAsync(db, ct);
        return published
            .Where(n => calendar.WorkdaysBetween(n.PublishedOn, today) > 1)
            .Select(n => new OverduePosting(n.Id, n.Title, n.PublishedOn, n.Channels.Where(c => !recorded.Contains((n.Id, c))).ToList()))
            .Where(o => o.Missing.Count > 0)
            .OrderBy(o => o.PublishedOn).ToList();
    }

    /// <summary>Notices published in the year that are posted on no channel in it (by posting date).</summary>
    public async Task<IReadOnlyList<UnpostedNotice>> UnpostedAsync(int year, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var published = await PublicNoticesAsync(db, ct);
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var posted = (await db.Set<NoticePosting>().AsNoTracking().Where(p => p.Status == PostingStatus.Posted).Select(p => p.NoticeId)
            .ToListAsync(ct)).ToHashSet();
        return published.Where(n => n.PublishedOn >= first && n.PublishedOn <= last && !posted.Contains(n.Id))
            .Select(n => new UnpostedNotice(n.Id, n.Title, n.PublishedOn, n.Channels)).OrderBy(n => n.PublishedOn).ToList();
    }

    private static async Task<List<(int Id, string Title, DateOnly PublishedOn, List<Channel> Channels)>> PublicNoticesAsync(XiheDbContext db, CancellationToken ct)
    {
        var notices = await db.Notices.AsNoTracking().Include(n => n.Revisions)
            .Where(n => n.PublishedAtUtc != null).ToListAsync(ct);
        return notices.Where(n => NoticeWorkflow.IsPublic(n.State))
            .Select(n => (n, revision: n.PublicRevision))
            .Where(x => x.revision is not null)
            .Select(x => (x.n.Id, x.revision!.Content.Title, ChinaTime.DateOf(x.n.PublishedAtUtc!.Value), x.revision.Content.Channels))
            .ToList();
    }

    private static async Task<HashSet<(int, Channel)>> RecordedChannelsAsync(XiheDbContext db, CancellationToken ct) =>
        (await db.Set<NoticePosting>().AsNoTracking().Select(p => new { p.NoticeId, p.Channel }).ToListAsync(ct))
            .Select(p => (p.NoticeId, p.Channel)).ToHashSet();

    private static PostingView View(NoticePosting p) =>
        new(p.Channel, p.Status, p.PostedOn, p.Link, p.Photo, p.Form, p.Origin, p.Reason, p.ActorName, p.RecordedAtUtc, p.Revision);
}
