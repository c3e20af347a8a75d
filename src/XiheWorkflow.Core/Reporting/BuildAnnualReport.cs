using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;
using XiheWorkflow.Domain.Reporting;

namespace XiheWorkflow.Core.Reporting;

/// <summary>
/// The annual report of a year (DESIGN.md §7) from what the register holds: applications, appeals,
/// the year's entered figures, and the notices with their channel postings.
/// </summary>
public class BuildAnnualReport(IDbContextFactory<XiheDbContext> contextFactory)
{
    public async Task<AnnualReport> HandleAsync(int year, Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.DisclosureOfficer, Roles.OfficeHead);
        if (year is < 1990 or > 2200) throw new DomainException("Report.YearOutOfRange", year);
        var inputs = await GatherAsync(year, ct);
        return AnnualReportCalculator.Compute(year, inputs);
    }

    /// <summary>
    /// What can count in the year, and nothing older: work closed before 1 January, documents
    /// repealed before it and postings of earlier years cannot change the year's figures, so a
    /// register that grows by years of closed history does not make the report slower (the
    /// report.history_growth benchmark). Later records cannot change them either.
    /// </summary>
    /// <remarks>
    /// The SQL keeps to predicates an index answers from the year on (ClosedOn, RepealedOn,
    /// PublishedOn, PostedOn); "received or filed by 31 December" is applied here, because SQLite,
    /// without statistics, would otherwise walk the ReceivedOn index over the whole register.
    /// </remarks>
    public async Task<ReportInputs> GatherAsync(int year, CancellationToken ct = default)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        // Received in the year, carried over into it, closed in it or carried forward: all still
        // open on 1 January or received since, i.e. not closed before the year.
        var applications = (await db.Applications.AsNoTracking().Where(a => a.ClosedOn == null || a.ClosedOn >= first)
            .Select(a => new ApplicationRecord(a.ApplicantType, a.ReceivedOn, a.Outcome, a.ClosedOn)).ToListAsync(ct))
            .Where(a => a.ReceivedOn <= last).ToList();
        var appeals = (await db.Appeals.AsNoTracking().Where(a => a.ClosedOn == null || a.ClosedOn >= first)
            .Select(a => new AppealRecord(a.Kind, a.FiledOn, a.Result, a.ClosedOn)).ToListAsync(ct))
            .Where(a => a.FiledOn <= last).ToList();
        var figures = await db.YearFigures.AsNoTracking().Where(f => f.Year == year).ToListAsync(ct);
        // Table A counts 规章 and 行政规范性文件 from both registers. Imported notices of the year give
        // documents and postings; older ones only documents still in force on 1 January or repealed since.
        var ofYear = await db.HistoricalNotices.AsNoTracking().Where(n => n.PublishedOn >= first && n.PublishedOn <= last).ToListAsync(ct);
        var inForce = await db.HistoricalNotices.AsNoTracking()
            .Where(n => (n.Kind == NoticeKind.Regulation || n.Kind == NoticeKind.NormativeDocument) && n.RepealedOn == null && n.PublishedOn < first)
            .Select(n => new NoticeRecord(n.Kind, n.PublishedOn, n.RepealedOn)).ToListAsync(ct);
        var repealedSince = await db.HistoricalNotices.AsNoTracking()
            .Where(n => (n.Kind == NoticeKind.Regulation || n.Kind == NoticeKind.NormativeDocument) && n.RepealedOn >= first && n.PublishedOn < first)
            .Select(n => new NoticeRecord(n.Kind, n.PublishedOn, n.RepealedOn)).ToListAsync(ct);
        var liveDocuments = await LiveDocumentsAsync(db, first, last, ct);
        var livePostings = await db.NoticePostings.AsNoTracking()
            .Where(p => p.Status == Domain.Channels.PostingStatus.Posted && p.PostedOn >= first && p.PostedOn <= last).ToListAsync(ct);
        return new ReportInputs
        {
            Applications = applications,
            Appeals = appeals,
            YearFigures = figures.Select(f => f.ToFigures()).ToList(),
            Notices = [.. ofYear.Select(n => n.ToRecord()), .. inForce, .. repealedSince, .. liveDocuments],
            Postings = [.. ofYear.SelectMany(n => n.Postings()), .. livePostings.Select(p => p.ToReportPosting()!)],
        };
    }

    /// <summary>
    /// 规章 and 行政规范性文件 published through the system (the notice's own kind): issued on the
    /// Shanghai day of publication, repealed on the day they left the public pages — 已失效 at a
    /// periodic review or 回收 — and in force until then. Both are final states, so the moment the
    /// notice reached it (<see cref="Notice.WaitingSinceUtc"/>) is that day. Read through
    /// IX_Notices_Documents: the documents still in force, and those that left in or after the
    /// year; documents repealed in earlier years and every other kind of notice are never read.
    /// </summary>
    private static async Task<List<NoticeRecord>> LiveDocumentsAsync(XiheDbContext db, DateOnly first, DateOnly last, CancellationToken ct)
    {
        var fromUtc = ChinaTime.StartOfDayUtc(first);
        var untilUtc = ChinaTime.EndOfDayUtc(last);
        var inForce = await db.Notices.AsNoTracking()
            .Where(n => (n.Kind == NoticeKind.Regulation || n.Kind == NoticeKind.NormativeDocument) && n.State == NoticeState.Published
                && n.PublishedAtUtc != null && n.PublishedAtUtc < untilUtc)
            .Select(n => new { n.Kind, n.PublishedAtUtc, Ended = (DateTime?)null }).ToListAsync(ct);
        var ended = await db.Notices.AsNoTracking()
            .Where(n => (n.Kind == NoticeKind.Regulation || n.Kind == NoticeKind.NormativeDocument)
                && (n.State == NoticeState.Expired || n.State == NoticeState.Withdrawn)
                && n.WaitingSinceUtc >= fromUtc && n.PublishedAtUtc != null && n.PublishedAtUtc < untilUtc)
            .Select(n => new { n.Kind, n.PublishedAtUtc, Ended = n.WaitingSinceUtc }).ToListAsync(ct);
        return [.. inForce.Concat(ended).Select(n => new NoticeRecord(n.Kind, ChinaTime.DateOf(n.PublishedAtUtc!.Value),
            n.Ended is { } e ? ChinaTime.DateOf(e) : null))];
    }
}
