using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Domain.Common;

namespace XiheWorkflow.Core.Calendar;

public record CalendarYearRow(int Year, IReadOnlyList<DateOnly> DaysOff, IReadOnlyList<DateOnly> MakeUpWorkdays, string Source, int Workdays);

/// <summary>The holiday arrangements in the database, for Admin to check and add to.</summary>
public class ListCalendarYears(IDbContextFactory<XiheDbContext> contexts, CalendarProvider calendars)
{
    public async Task<IReadOnlyList<CalendarYearRow>> HandleAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.CalendarYears.AsNoTracking().OrderByDescending(r => r.Year).ToListAsync(ct);
        var calendar = await calendars.GetAsync(ct);
        return rows.Select(r => new CalendarYearRow(r.Year, r.DaysOff.Order().ToList(), r.MakeUpWorkdays.Order().ToList(), r.Source,
            calendar.WorkdaysBetween(new DateOnly(r.Year - 1, 12, 31), new DateOnly(r.Year, 12, 31)))).ToList();
    }
}
