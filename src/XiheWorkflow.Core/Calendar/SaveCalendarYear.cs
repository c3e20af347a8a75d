using System.Globalization;
using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Auditing;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Domain.Calendar;
using XiheWorkflow.Domain.Common;

namespace XiheWorkflow.Core.Calendar;

/// <summary>
/// Adds a year's holiday arrangement, or replaces the one stored (a notice entered late or
/// corrected). The year is checked on its own (<see cref="CalendarYear"/>) and against its
/// neighbours, which may name the same days across the new year.
/// </summary>
public class SaveCalendarYear(IDbContextFactory<XiheDbContext> contextFactory, CalendarProvider calendars, TimeProvider clock)
{
    public record Command(int Year, IReadOnlyList<DateOnly> DaysOff, IReadOnlyList<DateOnly> MakeUpWorkdays, string Source);

    public record Result(int Year, bool Replaced);

    public async Task<Result> HandleAsync(Command command, Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.Admin);
        var year = new CalendarYear(command.Year, command.DaysOff, command.MakeUpWorkdays, command.Source);
        if (year.Source.Length == 0) throw new DomainException("Calendar.SourceRequired", command.Year);

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var rows = await db.CalendarYears.ToListAsync(ct);
        var existing = rows.SingleOrDefault(r => r.Year == year.Year);
        // Throws, naming the first contradicting date, before anything is written.
        _ = new WorkingCalendar(rows.Where(r => r.Year != year.Year).Select(r => r.ToCalendarYear()).Append(year));

        if (existing is null) db.CalendarYears.Add(new CalendarYearRecord(year));
        else existing.Replace(year);
        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow().UtcDateTime, actor.UserId, actor.Name,
            existing is null ? "Calendar.YearAdded" : "Calendar.YearReplaced", "CalendarYear", year.Year.ToString(CultureInfo.InvariantCulture),
            details: $"{year.Source}: {year.DaysOff.Count} days off, {year.MakeUpWorkdays.Count} make-up workdays"));
        await db.SaveChangesAsync(ct);
        calendars.Invalidate();
        return new Result(year.Year, existing is not null);
    }
}
