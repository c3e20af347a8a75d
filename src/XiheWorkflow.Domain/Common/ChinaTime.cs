namespace XiheWorkflow.Domain.Common;

/// <summary>
/// China Standard Time (Asia/Shanghai, UTC+8, no daylight saving): the zone every date people
/// see and every deadline is counted in.
/// </summary>
public static class ChinaTime
{
    // Some minimal containers ship without tzdata; the zone has been a fixed +8 since 1991.
    public static TimeZoneInfo Zone { get; } = FindZone();

    /// <summary>The Shanghai calendar date of a UTC instant (Unspecified is read as UTC, as SQLite returns it).</summary>
    public static DateOnly DateOf(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(AsUtc(utc), Zone));

    /// <summary>00:00 Shanghai of <paramref name="day"/>, as a UTC instant.</summary>
    public static DateTime StartOfDayUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Zone);

    /// <summary>24:00 Shanghai of <paramref name="day"/> (00:00 of the next day), as a UTC instant.</summary>
    public static DateTime EndOfDayUtc(DateOnly day) => StartOfDayUtc(day.AddDays(1));

    /// <summary>A date as people write it: 2024年5月10日 (no zero padding).</summary>
    public static string ChineseDate(DateOnly day) => $"{day.Year}年{day.Month}月{day.Day}日";

    internal static DateTime AsUtc(DateTime instant) => instant.Kind switch
    {
        DateTimeKind.Utc => instant,
        DateTimeKind.Unspecified => DateTime.SpecifyKind(instant, DateTimeKind.Utc),
        _ => throw new ArgumentException("Expected a UTC instant, got local time.", nameof(instant)),
    };

    private static TimeZoneInfo FindZone()
    {
        foreach (var id in new[] { "Asia/Shanghai", "China Standard Time" })
        {
            try { return TimeZoneInfo.FindSystemTimeZoneById(id); }
            catch (TimeZoneNotFoundException) { }
            catch (InvalidTimeZoneException) { }
        }
        return TimeZoneInfo.CreateCustomTimeZone("Asia/Shanghai", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");
    }
}
