using XiheWorkflow.Domain.Calendar;
using XiheWorkflow.Domain.Common;

namespace XiheWorkflow.Domain.Publicity;

/// <summary>
/// The dates a notice is up for publicity. <see cref="From"/> is day 1 of the count,
/// <see cref="To"/> the last day; the window closes at 24:00 Shanghai time of <see cref="To"/>.
/// Computed at publication and kept; when Admin saves a year's holiday arrangement, open windows
/// are counted again (<see cref="Notices.Notice.RecomputeWindow"/>), never to close earlier than announced.
/// </summary>
public sealed record PublicityWindow(DateTime PublishedAtUtc, PublicityRule Rule, DateOnly From, DateOnly To, DateTime EndsAtUtc)
{
    public static PublicityWindow Compute(DateTime publishedAtUtc, PublicityRule rule, WorkingCalendar calendar)
    {
        var published = ChinaTime.AsUtc(publishedAtUtc);
        var publicationDay = ChinaTime.DateOf(published);
        var firstCandidate = rule.PublicationDayCounts ? publicationDay : publicationDay.AddDays(1);
        DateOnly from, to;
        if (rule.Unit == PeriodUnit.WorkingDays)
        {
            from = calendar.NextWorkdayOnOrAfter(firstCandidate);
            to = calendar.AddWorkdays(from, rule.Period - 1);
        }
        else
        {
            from = firstCandidate;
            to = from.AddDays(rule.Period - 1);
        }
        if (rule.MoveEndOffHoliday) to = calendar.NextWorkdayOnOrAfter(to);
        return new PublicityWindow(published, rule, from, to, ChinaTime.EndOfDayUtc(to));
    }

    /// <summary>
    /// Whether <paramref name="proposed"/> would close earlier than the category's
    /// <paramref name="minimum"/> for a publication at <paramref name="publishedAtUtc"/>: exact
    /// where <see cref="PublicityRule.IsBelow"/> has to be conservative (mixed units).
    /// </summary>
    public static bool IsBelowMinimum(DateTime publishedAtUtc, PublicityRule proposed, PublicityRule minimum, WorkingCalendar calendar) =>
        Compute(publishedAtUtc, proposed, calendar).To < Compute(publishedAtUtc, minimum, calendar).To;

    /// <summary>Whether the window is still open at <paramref name="nowUtc"/>.</summary>
    public bool IsOpenAt(DateTime nowUtc)
    {
        var now = ChinaTime.AsUtc(nowUtc);
        return now >= PublishedAtUtc && now < EndsAtUtc;
    }

    /// <summary>
    /// The same publication under a longer rule. A window may be lengthened, never shortened
    /// (nor "extended" to the same end, which would silently do nothing).
    /// </summary>
    public PublicityWindow Lengthen(PublicityRule longer, WorkingCalendar calendar)
    {
        var extended = Compute(PublishedAtUtc, longer, calendar);
        if (extended.To <= To) throw new DomainException("Publicity.ExtensionMustLengthen", Text(To), Text(extended.To));
        return extended;
    }

    /// <summary>The window ending on <paramref name="newLastDay"/> instead; it must be later than the current last day.</summary>
    public PublicityWindow LengthenTo(DateOnly newLastDay)
    {
        if (newLastDay <= To) throw new DomainException("Publicity.ExtensionMustLengthen", Text(To), Text(newLastDay));
        return this with { To = newLastDay, EndsAtUtc = ChinaTime.EndOfDayUtc(newLastDay) };
    }

    /// <summary>The line printed on the notice: 公示期：2024年5月10日至2024年5月16日.</summary>
    public string Format() => Format(From, To);

    public static string Format(DateOnly from, DateOnly to) => $"公示期：{ChinaTime.ChineseDate(from)}至{ChinaTime.ChineseDate(to)}";

    private static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
