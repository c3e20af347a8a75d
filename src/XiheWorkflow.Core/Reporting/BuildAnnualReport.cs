using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Domain.Common;
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
    /// Everything up to 31 December of the year: later records cannot change its figures, earlier
    /// ones carry over or stay in force.
    /// </summary>
    public async Task<ReportInputs> GatherAsync(int year, CancellationToken ct = default)
    {
        var last = new DateOnly(year, 12, 31);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var applications = await db.Applications.AsNoTracking().Where(a => a.ReceivedOn <= last)
            .Select(a => new ApplicationRecord(a.ApplicantType, a.ReceivedOn, a.Outcome, a.ClosedOn)).ToListAsync(ct);
        var appeals = await db.Appeals.AsNoTracking().Where(a => a.FiledOn <= last)
            .Select(a => new AppealRecord(a.Kind, a.FiledOn, a.Result, a.ClosedOn)).ToListAsync(ct);
        var figures = await db.YearFigures.AsNoTracking().Where(f => f.Year == year).ToListAsync(ct);
        // Table A still reads the imported documents only; live notices reach section 一 through
        // their posting records, on the posting date (a notice posted nowhere is not counted but
        // listed by PostingQueries.UnpostedAsync).
        var notices = await db.HistoricalNotices.AsNoTracking().Where(n => n.PublishedOn <= last).ToListAsync(ct);
        var livePostings = await db.NoticePostings.AsNoTracking()
            .Where(p => p.Status == Domain.Channels.PostingStatus.Posted && p.PostedOn <= last).ToListAsync(ct);
        return new ReportInputs
        {
            Applications = applications,
            Appeals = appeals,
            YearFigures = figures.Select(f => f.ToFigures()).ToList(),
            Notices = notices.Select(n => n.ToRecord()).ToList(),
            Postings = [.. notices.SelectMany(n => n.Postings()), .. livePostings.Select(p => p.ToReportPosting()!)],
        };
    }
}
