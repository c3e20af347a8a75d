using System.Globalization;
using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Auditing;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Domain.Calendar;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Core.Notices;
using XiheWorkflow.Domain.Notices;

namespace XiheWorkflow.Core.Calendar;

/// <summary>
/// Adds a year's holiday arrangement, or replaces the one stored (a notice entered late or
/// corrected). The year is checked on its own (<see cref="CalendarYear"/>) and against its
/// neighbours, which may name the same days across the new year. Open publicity windows are
/// counted again on the new calendar in the same transaction (<see cref="Notice.RecomputeWindow"/>),
/// each change audited and shown on the notice's timeline; closed windows stay as they were.
/// Application deadlines need nothing: they are computed whenever they are read.
/// </summary>
public class SaveCalendarYear(IDbContextFactory<XiheDbContext> contextFactory, CalendarProvider calendars, TimeProvider clock)
{
    public record Command(int Year, IReadOnlyList<DateOnly> DaysOff, IReadOnlyList<DateOnly> MakeUpWorkdays, string Source);

    /// <param name="WindowsRecomputed">Open publicity windows whose dates or provisional flag changed.</param>
    public record Result(int Year, bool Replaced, int WindowsRecomputed = 0);

    public async Task<Result> HandleAsync(Command command, Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.Admin);
        var year = new CalendarYear(command.Year, command.DaysOff, command.MakeUpWorkdays, command.Source);
        if (year.Source.Length == 0) throw new DomainException("Calendar.SourceRequired", command.Year);

        // A notice changed by someone else meanwhile (its version moved) makes the save start over.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await SaveAsync(year, actor, ct);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
            }
        }
    }

    private async Task<Result> SaveAsync(CalendarYear year, Actor actor, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var rows = await db.CalendarYears.ToListAsync(ct);
        var existing = rows.SingleOrDefault(r => r.Year == year.Year);
        // Throws, naming the first contradicting date, before anything is written.
        var calendar = new WorkingCalendar(rows.Where(r => r.Year != year.Year).Select(r => r.ToCalendarYear()).Append(year));

        var now = clock.GetUtcNow().UtcDateTime;
        if (existing is null) db.CalendarYears.Add(new CalendarYearRecord(year));
        else existing.Replace(year);
        db.AuditEntries.Add(new AuditEntry(now, actor.UserId, actor.Name,
            existing is null ? "Calendar.YearAdded" : "Calendar.YearReplaced", "CalendarYear", year.Year.ToString(CultureInfo.InvariantCulture),
            details: $"{year.Source}: {year.DaysOff.Count} days off, {year.MakeUpWorkdays.Count} make-up workdays"));

        var open = await db.Notices.Include(n => n.Events)
            .Where(n => n.State == NoticeState.InPublicity && n.PublicityEndsAtUtc != null && n.PublicityEndsAtUtc > now)
            .OrderBy(n => n.Id).ToListAsync(ct);
        var noticeActor = open.Count > 0 ? await NoticeActors.LoadAsync(db, actor, ct) : null;
        var source = $"{year.Year}年节假日安排（{Shorten(year.Source, 200)}）";
        var recomputed = 0;
        foreach (var notice in open)
        {
            if (notice.RecomputeWindow(calendar, noticeActor!, now, source) is not { } change) continue;
            recomputed++;
            db.AuditEntries.Add(new AuditEntry(now, actor.UserId, actor.Name, "Notice.WindowRecomputed", "Notice",
                notice.Id.ToString(CultureInfo.InvariantCulture), NoticeState.InPublicity.ToString(), NoticeState.InPublicity.ToString(),
                notice.CurrentRevision, source,
                $"PublicityTo {Iso(change.OldTo)} → {Iso(change.NewTo)}; provisional {change.WasProvisional} → {change.IsProvisional}"));
        }
        await db.SaveChangesAsync(ct);
        calendars.Invalidate();
        return new Result(year.Year, existing is not null, recomputed);
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..max] + "…";
}
