using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using XiheWorkflow.Core.Auditing;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Core.Requests;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Reporting;

namespace XiheWorkflow.Core.Reporting;

public sealed record YearFiguresRow(int Year, int Licensing, int Penalty, int Enforcement, decimal FeesTenThousandYuan, int Version);

/// <summary>The officer's sections 五 and 六 of a year; <see cref="FromYear"/> says which year's text it is (last year's as a start).</summary>
public sealed record ReportTextRow(int Year, string Problems, string OtherMatters, int? FromYear, int Version);

public class ReportQueries(IDbContextFactory<XiheDbContext> contextFactory)
{
    public async Task<YearFiguresRow> YearFiguresAsync(int year, Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.DisclosureOfficer, Roles.OfficeHead);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var f = await db.YearFigures.AsNoTracking().SingleOrDefaultAsync(x => x.Year == year, ct);
        return f is null ? new YearFiguresRow(year, 0, 0, 0, 0, 0) : new YearFiguresRow(year, f.Licensing, f.Penalty, f.Enforcement, f.FeesTenThousandYuan, f.Version);
    }

    /// <summary>The year's stored text; when there is none yet, the latest earlier year's, to start from.</summary>
    public async Task<ReportTextRow> TextAsync(int year, Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.DisclosureOfficer, Roles.OfficeHead);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var own = await db.ReportTexts.AsNoTracking().SingleOrDefaultAsync(t => t.Year == year, ct);
        if (own is not null) return new ReportTextRow(year, own.Problems, own.OtherMatters, year, own.Version);
        var earlier = await db.ReportTexts.AsNoTracking().Where(t => t.Year < year).OrderByDescending(t => t.Year).FirstOrDefaultAsync(ct);
        return earlier is null ? new ReportTextRow(year, "", "", null, 0) : new ReportTextRow(year, earlier.Problems, earlier.OtherMatters, earlier.Year, 0);
    }
}

/// <summary>Enters a year's 行政许可, 行政处罚, 行政强制 and 行政事业性收费 for table A.</summary>
public class SaveYearFigures(IDbContextFactory<XiheDbContext> contextFactory, TimeProvider clock)
{
    public sealed class Command
    {
        public int Year { get; set; }
        public int Licensing { get; set; }
        public int Penalty { get; set; }
        public int Enforcement { get; set; }
        public decimal FeesTenThousandYuan { get; set; }
        /// <summary>0 when the year has no figures yet.</summary>
        public int Version { get; set; }
    }

    public class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Year).InclusiveBetween(1990, 2200).WithErrorCode("Report.YearOutOfRange").WithState(c => new object[] { c.Year });
            RuleFor(c => c.Licensing).GreaterThanOrEqualTo(0).WithErrorCode("YearFigures.Negative").WithState(c => new object[] { c.Year });
            RuleFor(c => c.Penalty).GreaterThanOrEqualTo(0).WithErrorCode("YearFigures.Negative").WithState(c => new object[] { c.Year });
            RuleFor(c => c.Enforcement).GreaterThanOrEqualTo(0).WithErrorCode("YearFigures.Negative").WithState(c => new object[] { c.Year });
            RuleFor(c => c.FeesTenThousandYuan).GreaterThanOrEqualTo(0).WithErrorCode("YearFigures.Negative").WithState(c => new object[] { c.Year });
        }
    }

    public async Task<int> HandleAsync(Command command, Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.DisclosureOfficer);
        new Validator().ThrowIfInvalid(command);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var figures = new YearFigures(command.Year, command.Licensing, command.Penalty, command.Enforcement, command.FeesTenThousandYuan);
        var row = await db.YearFigures.SingleOrDefaultAsync(f => f.Year == command.Year, ct);
        if ((row?.Version ?? 0) != command.Version) throw new DomainException("Admin.StaleEdit", $"{command.Year}");
        if (row is null) db.YearFigures.Add(row = new YearFigure(figures));
        else row.Update(figures);
        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow().UtcDateTime, actor.UserId, actor.Name, "YearFigures.Saved", "YearFigure", command.Year.ToString(),
            details: $"许可 {figures.Licensing}，处罚 {figures.Penalty}，强制 {figures.Enforcement}，收费 {figures.FeesTenThousandYuan} 万元"));
        await SaveAsync(db, command.Year.ToString(), ct);
        return row.Version;
    }

    internal static async Task SaveAsync(XiheDbContext db, string what, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A concurrent edit, or a concurrent first save of the same year (unique Year).
            throw new DomainException("Admin.StaleEdit", what);
        }
    }
}

/// <summary>Stores the officer's sections 五 and 六 of a year's report.</summary>
public class SaveReportText(IDbContextFactory<XiheDbContext> contextFactory, TimeProvider clock)
{
    public sealed class Command
    {
        public int Year { get; set; }
        public string Problems { get; set; } = "";
        public string OtherMatters { get; set; } = "";
        public int Version { get; set; }
    }

    public class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Year).InclusiveBetween(1990, 2200).WithErrorCode("Report.YearOutOfRange").WithState(c => new object[] { c.Year });
            RuleFor(c => c.Problems).MaximumLength(20000).WithErrorCode("Report.TextTooLong");
            RuleFor(c => c.OtherMatters).MaximumLength(20000).WithErrorCode("Report.TextTooLong");
        }
    }

    public async Task<int> HandleAsync(Command command, Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.DisclosureOfficer);
        new Validator().ThrowIfInvalid(command);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var text = await db.ReportTexts.SingleOrDefaultAsync(t => t.Year == command.Year, ct);
        if ((text?.Version ?? 0) != command.Version) throw new DomainException("Admin.StaleEdit", $"{command.Year}");
        if (text is null) db.ReportTexts.Add(text = new ReportText(command.Year, command.Problems, command.OtherMatters, now, actor.Name));
        else text.Edit(command.Problems, command.OtherMatters, now, actor.Name);
        db.AuditEntries.Add(new AuditEntry(now, actor.UserId, actor.Name, "ReportText.Saved", "ReportText", command.Year.ToString()));
        await SaveYearFigures.SaveAsync(db, command.Year.ToString(), ct);
        return text.Version;
    }
}

public sealed record ReportDue(int Year, DateOnly DueOn, bool IsDueNow, int DaysLeft);

/// <summary>
/// When last year's report is due (Art. 49: 31 January; the county may set another date, so it is
/// configurable as <c>Xihe:AnnualReportDue</c>, "MM-dd"). From 1 January until the due date the
/// dashboard and reminders say so.
/// </summary>
public class AnnualReportDeadline(IOptions<XiheOptions> options, TimeProvider clock)
{
    public ReportDue Current()
    {
        var today = clock.Today();
        var (month, day) = Parse(options.Value.AnnualReportDue);
        var due = new DateOnly(today.Year, month, Math.Min(day, DateTime.DaysInMonth(today.Year, month)));
        return new ReportDue(today.Year - 1, due, today <= due, due.DayNumber - today.DayNumber);
    }

    private static (int Month, int Day) Parse(string? text)
    {
        var parts = (text ?? "").Split('-');
        return parts.Length == 2 && int.TryParse(parts[0], out var m) && int.TryParse(parts[1], out var d) && m is >= 1 and <= 12 && d is >= 1 and <= 31
            ? (m, d) : (1, 31);
    }
}

/// <summary>The report as the officer edits it: the computed report with the year's stored text.</summary>
public class ExportAnnualReport(BuildAnnualReport build, ReportQueries queries, IOptions<XiheOptions> options)
{
    public async Task<(AnnualReport Report, byte[] Docx)> DocxAsync(int year, Actor actor, CancellationToken ct = default)
    {
        var report = await build.HandleAsync(year, actor, ct);
        var text = await queries.TextAsync(year, actor, ct);
        var docx = AnnualReportDocx.Create(report, new AnnualReportText
        {
            Title = $"{options.Value.ReportOrganization}{year}年政府信息公开工作年度报告",
            Problems = text.FromYear == year ? text.Problems : "",
            OtherMatters = text.FromYear == year ? text.OtherMatters : "",
        });
        return (report, docx);
    }
}
