using XiheWorkflow.Domain.Calendar;

namespace XiheWorkflow.Core.Calendar;

/// <summary>
/// A year of the official holiday arrangement as stored. The rules live in
/// <see cref="CalendarYear"/>; this row only holds what Admin entered (or what the release shipped).
/// </summary>
public class CalendarYearRecord
{
    public int Id { get; private set; }
    public int Year { get; private set; }
    public List<DateOnly> DaysOff { get; private set; } = [];
    public List<DateOnly> MakeUpWorkdays { get; private set; } = [];
    public string Source { get; private set; } = "";
    public int Version { get; private set; }

    private CalendarYearRecord() { }

    public CalendarYearRecord(CalendarYear year)
    {
        Year = year.Year;
        Replace(year);
    }

    public void Replace(CalendarYear year)
    {
        if (year.Year != Year) throw new InvalidOperationException($"Calendar row {Year} cannot hold year {year.Year}.");
        DaysOff = [.. year.DaysOff];
        MakeUpWorkdays = [.. year.MakeUpWorkdays];
        Source = year.Source;
        Version++;
    }

    public CalendarYear ToCalendarYear() => new(Year, DaysOff, MakeUpWorkdays, Source);
}
