using XiheWorkflow.Domain.Common;

namespace XiheWorkflow.Domain.Publicity;

/// <summary>
/// How long a notice stays up for publicity and how the days are counted. Local rules differ, so
/// every part is configurable per category (reference/regulations.md, 公示期).
/// </summary>
/// <param name="Period">Number of days, 1–365.</param>
/// <param name="Unit">自然日 or 工作日.</param>
/// <param name="PublicationDayCounts">Whether the publication day is day 1 (otherwise the next day is).</param>
/// <param name="MoveEndOffHoliday">Whether a window ending on a day off runs on to the next working day (《民法典》Art. 203).</param>
public sealed record PublicityRule(int Period, PeriodUnit Unit, bool PublicationDayCounts = true, bool MoveEndOffHoliday = false)
{
    public int Period { get; } = Period is >= 1 and <= 365 ? Period : throw new DomainException("Publicity.PeriodOutOfRange", Period);

    /// <summary>
    /// Whether this (proposed) rule would run shorter than the category's <paramref name="minimum"/>:
    /// an author may lengthen a period, never shorten it.
    /// </summary>
    /// <remarks>
    /// N working days always span at least N calendar days, so a working-day proposal can be
    /// compared with a calendar-day minimum by count; the other way round depends on the dates, so
    /// a calendar-day proposal against a working-day minimum counts as below it.
    /// </remarks>
    public bool IsBelow(PublicityRule minimum)
    {
        if (Unit == PeriodUnit.CalendarDays && minimum.Unit == PeriodUnit.WorkingDays) return true;
        if (Period != minimum.Period) return Period < minimum.Period;
        // Same count: dropping a day that the minimum gives (publication day not counted, or the
        // move off a holiday) shortens the window.
        return (PublicationDayCounts && !minimum.PublicationDayCounts)
            || (Unit == minimum.Unit && !MoveEndOffHoliday && minimum.MoveEndOffHoliday);
    }
}
