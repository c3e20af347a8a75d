using System.Globalization;
using XiheWorkflow.Domain.Common;

namespace XiheWorkflow.Domain.Calendar;

/// <summary>
/// One year of the State Council's holiday arrangement: the days off (statutory holidays and the
/// weekdays bridged to them) and the weekend days worked in exchange (调休).
/// </summary>
/// <remarks>
/// A year's notice may name a day just across the new year (2023's holiday starts on
/// 2022-12-31), so a day within 31 days either side of the year is accepted.
/// </remarks>
public sealed record CalendarYear
{
    public int Year { get; }
    public IReadOnlyList<DateOnly> DaysOff { get; }
    public IReadOnlyList<DateOnly> MakeUpWorkdays { get; }
    /// <summary>The notice the year comes from, e.g. 国办发明电〔2023〕7号.</summary>
    public string Source { get; }

    public CalendarYear(int year, IEnumerable<DateOnly> daysOff, IEnumerable<DateOnly> makeUpWorkdays, string source)
    {
        if (year is < 1900 or > 9998) throw new DomainException("Calendar.YearOutOfRange", year);
        Year = year;
        DaysOff = daysOff.Distinct().Order().ToArray();
        MakeUpWorkdays = makeUpWorkdays.Distinct().Order().ToArray();
        Source = source?.Trim() ?? "";

        var earliest = new DateOnly(year, 1, 1).AddDays(-31);
        var latest = new DateOnly(year, 12, 31).AddDays(31);
        foreach (var day in DaysOff.Concat(MakeUpWorkdays))
        {
            if (day < earliest || day > latest) throw new DomainException("Calendar.DayOutsideYear", Text(day), year);
        }
        var both = DaysOff.Intersect(MakeUpWorkdays).ToArray();
        if (both.Length > 0) throw new DomainException("Calendar.DayBothOffAndWorking", Text(both[0]));
    }

    internal static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public bool Equals(CalendarYear? other) =>
        other is not null && Year == other.Year && Source == other.Source
        && DaysOff.SequenceEqual(other.DaysOff) && MakeUpWorkdays.SequenceEqual(other.MakeUpWorkdays);

    public override int GetHashCode() => HashCode.Combine(Year, Source, DaysOff.Count, MakeUpWorkdays.Count);
}
