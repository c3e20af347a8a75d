using XiheWorkflow.Domain.Calendar;

namespace XiheWorkflow.Domain.Publicity;

/// <summary>
/// 《政府信息公开条例》Art. 26: proactive information is published within a number of working days
/// (20 by default, shorter in many local catalogues) of being formed or changed.
/// </summary>
public static class Timeliness
{
    public const int DefaultLimitDays = 20;

    /// <summary>The last day the information may be published on time (the formed-on day not counted).</summary>
    public static DateOnly Deadline(DateOnly formedOn, int limitDays, WorkingCalendar calendar) =>
        calendar.AddWorkdays(formedOn, limitDays);

    /// <summary>
    /// Late when published after the deadline, or still unpublished on a day after it
    /// (<paramref name="publishedOn"/> null).
    /// </summary>
    public static bool IsLate(DateOnly formedOn, int limitDays, DateOnly? publishedOn, DateOnly today, WorkingCalendar calendar) =>
        (publishedOn ?? today) > Deadline(formedOn, limitDays, calendar);
}
