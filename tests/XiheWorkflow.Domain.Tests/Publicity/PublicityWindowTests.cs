using XiheWorkflow.Domain.Calendar;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Publicity;

namespace XiheWorkflow.Domain.Tests.Publicity;

public class PublicityWindowTests
{
    private static readonly WorkingCalendar Calendar = OfficialCalendar.Shipped;

    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd");

    // Shanghai wall-clock time as the UTC instant the system stores.
    private static DateTime Shanghai(string text) =>
        DateTimeOffset.Parse(text + " +08:00", System.Globalization.CultureInfo.InvariantCulture).UtcDateTime;

    private static PublicityWindow Window(string publishedShanghai, int period, PeriodUnit unit, bool publicationDayCounts = true, bool moveEnd = false) =>
        PublicityWindow.Compute(Shanghai(publishedShanghai), new PublicityRule(period, unit, publicationDayCounts, moveEnd), Calendar);

    [Fact]
    public void Compute_FridayEveningSevenCalendarDays_PublicationDayIsDayOne()
    {
        var published = new DateTime(2024, 5, 10, 12, 30, 0, DateTimeKind.Utc); // 20:30 in Shanghai
        var window = PublicityWindow.Compute(published, new PublicityRule(7, PeriodUnit.CalendarDays), Calendar);

        window.From.ShouldBe(D("2024-05-10"));
        window.To.ShouldBe(D("2024-05-16"));
        window.EndsAtUtc.ShouldBe(new DateTime(2024, 5, 16, 16, 0, 0, DateTimeKind.Utc));
        window.Format().ShouldBe("公示期：2024年5月10日至2024年5月16日");
    }

    [Fact]
    public void Compute_PublicationDayNotCounted_NextDayIsDayOne()
    {
        var window = Window("2024-05-10 20:30", 7, PeriodUnit.CalendarDays, publicationDayCounts: false);
        window.From.ShouldBe(D("2024-05-11"));
        window.To.ShouldBe(D("2024-05-17"));
    }

    [Fact]
    public void Compute_FridayEveningFiveWorkingDays_CountsMakeUpSaturday()
    {
        // 2024-05-11 is a Saturday worked in exchange for the May Day holiday.
        var window = Window("2024-05-10 20:30", 5, PeriodUnit.WorkingDays);
        window.From.ShouldBe(D("2024-05-10"));
        window.To.ShouldBe(D("2024-05-15"));
    }

    [Fact]
    public void Compute_LateEveningUtcIsNextDayInShanghai_UsesShanghaiDate()
    {
        var published = new DateTime(2024, 5, 10, 17, 0, 0, DateTimeKind.Utc); // 01:00 on 11 May in Shanghai
        var window = PublicityWindow.Compute(published, new PublicityRule(7, PeriodUnit.CalendarDays), Calendar);
        window.From.ShouldBe(D("2024-05-11"));
        window.To.ShouldBe(D("2024-05-17"));
    }

    [Fact]
    public void Compute_DayBeforeNationalDayCalendarDays_EndsInHoliday()
    {
        var window = Window("2025-09-30 10:00", 7, PeriodUnit.CalendarDays);
        window.From.ShouldBe(D("2025-09-30"));
        window.To.ShouldBe(D("2025-10-06"));
    }

    [Fact]
    public void Compute_DayBeforeNationalDayMoveEndOffHoliday_EndsOnFirstWorkingDayAfter()
    {
        var window = Window("2025-09-30 10:00", 7, PeriodUnit.CalendarDays, moveEnd: true);
        window.To.ShouldBe(D("2025-10-09"));
        window.Format().ShouldBe("公示期：2025年9月30日至2025年10月9日");
    }

    [Fact]
    public void Compute_DayBeforeNationalDayWorkingDays_SkipsTheHoliday()
    {
        // 9-30 (1), 10-9 (2), 10-10 (3), 10-11 a make-up Saturday (4), 10-13 (5)
        var window = Window("2025-09-30 10:00", 5, PeriodUnit.WorkingDays);
        window.To.ShouldBe(D("2025-10-13"));
    }

    [Fact]
    public void Compute_AcrossSpringFestival2026WorkingDays_SkipsNineDaysOff()
    {
        // 2-13 (1), 2-14 make-up Saturday (2), 2-15..2-23 off, 2-24..2-27 (3-6), 2-28 make-up Saturday (7)
        var window = Window("2026-02-13 09:00", 7, PeriodUnit.WorkingDays);
        window.From.ShouldBe(D("2026-02-13"));
        window.To.ShouldBe(D("2026-02-28"));
        window.EndsAtUtc.ShouldBe(new DateTime(2026, 2, 28, 16, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void Compute_AcrossSpringFestival2026CalendarDaysMovedOffHoliday_EndsAfterHoliday()
    {
        Window("2026-02-13 09:00", 7, PeriodUnit.CalendarDays).To.ShouldBe(D("2026-02-19"));
        Window("2026-02-13 09:00", 7, PeriodUnit.CalendarDays, moveEnd: true).To.ShouldBe(D("2026-02-24"));
    }

    [Fact]
    public void Compute_PreAppointmentPublicityPublishedOnSaturday_StartsMondayRunsFiveWorkingDays()
    {
        // 任前公示: at least 5 working days.
        var window = Window("2026-03-07 15:00", 5, PeriodUnit.WorkingDays);
        window.From.ShouldBe(D("2026-03-09"));
        window.To.ShouldBe(D("2026-03-13"));
        window.Format().ShouldBe("公示期：2026年3月9日至2026年3月13日");
    }

    [Fact]
    public void Compute_WorkingDaysPublicationDayNotCounted_StartsNextWorkingDay()
    {
        var window = Window("2026-03-09 15:00", 5, PeriodUnit.WorkingDays, publicationDayCounts: false);
        window.From.ShouldBe(D("2026-03-10"));
        window.To.ShouldBe(D("2026-03-16"));
    }

    [Fact]
    public void EndsAtUtc_LastDay_IsMidnightShanghai()
    {
        var window = Window("2024-05-10 20:30", 7, PeriodUnit.CalendarDays);
        window.IsOpenAt(Shanghai("2024-05-16 23:59:59")).ShouldBeTrue();
        window.IsOpenAt(Shanghai("2024-05-17 00:00")).ShouldBeFalse();
        window.IsOpenAt(Shanghai("2024-05-10 20:29")).ShouldBeFalse();
        new DateTimeOffset(window.EndsAtUtc).ToOffset(TimeSpan.FromHours(8)).ShouldBe(
            new DateTimeOffset(2024, 5, 17, 0, 0, 0, TimeSpan.FromHours(8)));
    }

    [Fact]
    public void Compute_LocalTimeInstant_Throws() =>
        Should.Throw<ArgumentException>(() =>
            PublicityWindow.Compute(new DateTime(2024, 5, 10, 12, 0, 0, DateTimeKind.Local), new PublicityRule(7, PeriodUnit.CalendarDays), Calendar));

    [Fact]
    public void Lengthen_LongerRule_KeepsPublicationMovesEnd()
    {
        var window = Window("2024-05-10 20:30", 7, PeriodUnit.CalendarDays);
        var longer = window.Lengthen(new PublicityRule(10, PeriodUnit.CalendarDays), Calendar);
        longer.From.ShouldBe(D("2024-05-10"));
        longer.To.ShouldBe(D("2024-05-19"));
        longer.PublishedAtUtc.ShouldBe(window.PublishedAtUtc);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(7)]
    public void Lengthen_ShorterOrSameRule_Throws(int period)
    {
        var window = Window("2024-05-10 20:30", 7, PeriodUnit.CalendarDays);
        var e = Should.Throw<DomainException>(() => window.Lengthen(new PublicityRule(period, PeriodUnit.CalendarDays), Calendar));
        e.Code.ShouldBe("Publicity.ExtensionMustLengthen");
    }

    [Fact]
    public void LengthenTo_LaterDay_MovesEndInstant()
    {
        var window = Window("2024-05-10 20:30", 7, PeriodUnit.CalendarDays).LengthenTo(D("2024-05-20"));
        window.To.ShouldBe(D("2024-05-20"));
        window.EndsAtUtc.ShouldBe(new DateTime(2024, 5, 20, 16, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void LengthenTo_EarlierDay_Throws() =>
        Should.Throw<DomainException>(() => Window("2024-05-10 20:30", 7, PeriodUnit.CalendarDays).LengthenTo(D("2024-05-15")))
            .Code.ShouldBe("Publicity.ExtensionMustLengthen");

    [Fact]
    public void IsBelowMinimum_CalendarDaysAgainstWorkingDayMinimum_ComparesActualEnds()
    {
        var minimum = new PublicityRule(5, PeriodUnit.WorkingDays);
        var published = Shanghai("2026-02-13 09:00");
        // Five working days from 2-13 end on 2-26 (2-14 is a make-up Saturday, then the Spring Festival).
        PublicityWindow.IsBelowMinimum(published, new PublicityRule(13, PeriodUnit.CalendarDays), minimum, Calendar).ShouldBeTrue();
        PublicityWindow.IsBelowMinimum(published, new PublicityRule(14, PeriodUnit.CalendarDays), minimum, Calendar).ShouldBeFalse();
    }

    [Fact]
    public void Format_Dates_UsesChineseDateWithoutPadding() =>
        PublicityWindow.Format(D("2024-05-01"), D("2024-12-09")).ShouldBe("公示期：2024年5月1日至2024年12月9日");
}
