using System.Data.Common;
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
    /// <param name="name">The parameter's name: distinct for each set of days one statement joins.</param>
    public static IQueryable<DayWindow<T>> Of<T>(XiheDbContext db, DateOnly first, DateOnly last, Func<DateOnly, T> threshold, string name = "days")
    {
        var (sql, parameter) = Source(db, first, last, threshold, name);
        return db.Database.SqlQueryRaw<DayWindow<T>>(sql, parameter);
    }

    /// <summary>
    /// The same days as SQL text (a SELECT of "Start", "End" and "Threshold") and its one parameter
    /// (<c>@days</c>), for a statement written by hand around it — where EF Core would only group by
    /// a constant to put several aggregates in one row, which costs SQLite a sort of every row.
    /// </summary>
    public static (string Sql, DbParameter Parameter) Source<T>(XiheDbContext db, DateOnly first, DateOnly last, Func<DateOnly, T> threshold, string name = "days")
    {
        var postgres = db.Database.IsNpgsql();
        var days = new List<string[]>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            days.Add([Text(ChinaTime.StartOfDayUtc(day), postgres), Text(ChinaTime.EndOfDayUtc(day), postgres), Text(threshold(day), postgres)]);
        }
        var json = JsonSerializer.Serialize(days);
        if (postgres)
        {
            var type = typeof(T) == typeof(DateOnly) ? "date" : "timestamptz";
            return ($"SELECT (value->>0)::timestamptz AS \"Start\", (value->>1)::timestamptz AS \"End\", (value->>2)::{type} AS \"Threshold\" FROM json_array_elements(@{name}::json)",
                new Npgsql.NpgsqlParameter(name, json));
        }
        return ($"SELECT json_extract(value, '$[0]') AS \"Start\", json_extract(value, '$[1]') AS \"End\", json_extract(value, '$[2]') AS \"Threshold\" FROM json_each(@{name})",
            new Microsoft.Data.Sqlite.SqliteParameter("@" + name, json));
    }

    // As EF Core's SQLite provider stores them, so that SQL compares them with the columns as text, in order.
    // PostgreSQL reads the instants as UTC (the trailing Z), whatever the session's time zone.
    private static string Text(object? value, bool postgres) => value switch
    {
        DateTime instant when postgres => instant.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
        DateTime instant => instant.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"A day window's threshold is a DateTime or a DateOnly, not {value?.GetType().Name ?? "null"}."),
    };
}
