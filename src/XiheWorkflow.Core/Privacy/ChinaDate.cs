namespace XiheWorkflow.Core.Privacy;

internal static class ChinaDate
{
    /// <summary>China Standard Time is UTC+8 all year, so no time-zone database is needed.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(8));
}
