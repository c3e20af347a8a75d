using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Domain.Calendar;

namespace XiheWorkflow.Core.Calendar;

/// <summary>
/// The working calendar as Admin keeps it in the database. Built once and kept until a year is
/// saved through <see cref="SaveCalendarYear"/>, which calls <see cref="Invalidate"/>: deadlines are
/// computed on every page, holiday arrangements change once a year.
/// </summary>
public sealed class CalendarProvider(IDbContextFactory<XiheDbContext> contextFactory)
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private WorkingCalendar? _cached;

    public async Task<WorkingCalendar> GetAsync(CancellationToken ct = default)
    {
        if (Volatile.Read(ref _cached) is { } cached) return cached;
        await _lock.WaitAsync(ct);
        try
        {
            if (_cached is not null) return _cached;
            await using var db = await contextFactory.CreateDbContextAsync(ct);
            var rows = await db.CalendarYears.AsNoTracking().ToListAsync(ct);
            var calendar = new WorkingCalendar(rows.Select(r => r.ToCalendarYear()));
            Volatile.Write(ref _cached, calendar);
            return calendar;
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Invalidate() => Volatile.Write(ref _cached, null);
}
