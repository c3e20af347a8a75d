using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Domain.Common;

namespace XiheWorkflow.Core.Data;

/// <summary>One China calendar day as UTC instants [<see cref="Start"/>, <see cref="End"/>), with a threshold worked out for that day.</summary>
public sealed class DayWindow<T>
{
    public DateTime Start { get; set; }
    public DateTime End { get; set; }
    public T Threshold { get; set; } = default!;
}

/// <summary>
/// The days of a period as a query source, so that SQL can count rows against a threshold that
/// depends on the day (a due date, a "formed by" date) worked out here with the working-day
/// calendar, instead of the rows coming back to be compared one by one. The days travel as one JSON
/// parameter read with <c>json_each</c>; joined on a range of an indexed instant, each day is one
/// index range scan.
/// </summary>
public static class DayWindows
{
    public static IQueryable<DayWindow<T>> Of<T>(XiheDbContext db, DateOnly first, DateOnly last, Func<DateOnly, T> threshold)
    {
        var days = new List<string[]>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            days.Add([Text(ChinaTime.StartOfDayUtc(day)), Text(ChinaTime.EndOfDayUtc(day)), Text(threshold(day))]);
        }
        var json = JsonSerializer.Serialize(days);
        return db.Database.SqlQuery<DayWindow<T>>(
            $"SELECT json_extract(value, '$[0]') AS \"Start\", json_extract(value, '$[1]') AS \"End\", json_extract(value, '$[2]') AS \"Threshold\" FROM json_each({json})");
    }

    // As EF Core's SQLite provider stores them, so that SQL compares them with the columns as text, in order.
    private static string Text(object? value) => value switch
    {
        DateTime instant => instant.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"A day window's threshold is a DateTime or a DateOnly, not {value?.GetType().Name ?? "null"}."),
    };
}
