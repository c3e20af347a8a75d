using XiheWorkflow.Domain.Calendar;
using XiheWorkflow.Domain.Common;

namespace XiheWorkflow.Domain.Tests.Calendar;

public class WorkingCalendarTests
{
    private static readonly WorkingCalendar Calendar = OfficialCalendar.Shipped;

    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd");

    public static TheoryData<string> ShippedDaysOff()
    {
        var data = new TheoryData<string>();
        foreach (var d in OfficialCalendar.ShippedYears.SelectMany(y => y.DaysOff)) data.Add(d.ToString("yyyy-MM-dd"));
        return data;
    }

    public static TheoryData<string> ShippedMakeUpWorkdays()
    {
        var data = new TheoryData<string>();
        foreach (var d in OfficialCalendar.ShippedYears.SelectMany(y => y.MakeUpWorkdays)) data.Add(d.ToString("yyyy-MM-dd"));
        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedDaysOff))]
    public void IsWorkday_ShippedDayOff_IsFalse(string day) => Calendar.IsWorkday(D(day)).ShouldBeFalse();

    [Theory]
    [MemberData(nameof(ShippedMakeUpWorkdays))]
    public void IsWorkday_ShippedMakeUpDay_IsTrue(string day)
    {
        D(day).DayOfWeek.ShouldBeOneOf(DayOfWeek.Saturday, DayOfWeek.Sunday);
        Calendar.IsWorkday(D(day)).ShouldBeTrue();
    }

    [Fact]
    public void ShippedYears_HolidayTable_HasEveryNoticedDay()
    {
        var off = OfficialCalendar.ShippedYears.ToDictionary(y => y.Year, y => y.DaysOff.Count);
        var on = OfficialCalendar.ShippedYears.ToDictionary(y => y.Year, y => y.MakeUpWorkdays.Count);
        // Counted from reference/regulations.md's table, so a dropped range shows up here.
        off[2023].ShouldBe(3 + 7 + 1 + 5 + 3 + 8);
        off[2024].ShouldBe(1 + 8 + 3 + 5 + 1 + 3 + 7);
        off[2025].ShouldBe(1 + 8 + 3 + 5 + 3 + 8);
        off[2026].ShouldBe(3 + 9 + 3 + 5 + 3 + 3 + 7);
        on[2023].ShouldBe(7);
        on[2024].ShouldBe(8);
        on[2025].ShouldBe(5);
        on[2026].ShouldBe(6);
    }

    [Theory]
    [InlineData(2023, 249)]
    [InlineData(2024, 251)]
    [InlineData(2025, 248)]
    [InlineData(2026, 248)]
    public void WorkdaysBetween_WholeShippedYear_MatchesOfficialCount(int year, int expected)
    {
        Calendar.WorkdaysBetween(new DateOnly(year - 1, 12, 31), new DateOnly(year, 12, 31)).ShouldBe(expected);
        Enumerable.Range(0, new DateOnly(year, 12, 31).DayOfYear)
            .Count(i => Calendar.IsWorkday(new DateOnly(year, 1, 1).AddDays(i)))
            .ShouldBe(expected);
    }

    [Theory]
    [InlineData("2025-09-26", 20, "2025-10-30")]
    [InlineData("2026-02-13", 20, "2026-03-19")]
    [InlineData("2024-12-31", 20, "2025-02-05")]
    [InlineData("2026-09-18", 20, "2026-10-22")]
    [InlineData("2024-05-10", 1, "2024-05-11")]
    [InlineData("2024-09-30", 1, "2024-10-08")]
    public void AddWorkdays_WorkedExample_MatchesRegulations(string start, int n, string expected) =>
        Calendar.AddWorkdays(D(start), n).ShouldBe(D(expected));

    [Theory]
    [InlineData("2025-09-26", "2025-10-30", 20)]
    [InlineData("2025-10-30", "2025-09-26", -20)]
    [InlineData("2024-12-31", "2025-02-05", 20)]
    [InlineData("2025-05-06", "2025-05-06", 0)]
    [InlineData("2025-10-01", "2025-10-08", 0)]
    public void WorkdaysBetween_ShippedDates_CountsHalfOpenInterval(string from, string to, int expected) =>
        Calendar.WorkdaysBetween(D(from), D(to)).ShouldBe(expected);

    [Fact]
    public void AddWorkdays_Zero_ReturnsStartEvenOnHoliday() =>
        Calendar.AddWorkdays(D("2025-10-01"), 0).ShouldBe(D("2025-10-01"));

    [Fact]
    public void AddWorkdays_Negative_Throws() =>
        Should.Throw<DomainException>(() => Calendar.AddWorkdays(D("2025-10-01"), -1)).Code.ShouldBe("Calendar.NegativeWorkdays");

    [Fact]
    public void AddWorkdays_EveryStartAndCountInShippedYears_AgreesWithDayByDayCount()
    {
        for (var start = D("2022-12-20"); start <= D("2027-01-10"); start = start.AddDays(3))
        {
            foreach (var n in new[] { 1, 5, 20, 40 })
            {
                var expected = start;
                for (var left = n; left > 0;)
                {
                    expected = expected.AddDays(1);
                    if (Calendar.IsWorkday(expected)) left--;
                }
                Calendar.AddWorkdays(start, n).ShouldBe(expected, $"{start:yyyy-MM-dd} + {n}");
                Calendar.WorkdaysBetween(start, expected).ShouldBe(n);
            }
        }
    }

    [Theory]
    [InlineData("2025-10-01", "2025-10-09")]
    [InlineData("2025-09-28", "2025-09-28")]
    [InlineData("2026-02-14", "2026-02-14")]
    [InlineData("2026-02-15", "2026-02-24")]
    public void NextWorkdayOnOrAfter_ShippedDates_SkipsDaysOff(string day, string expected) =>
        Calendar.NextWorkdayOnOrAfter(D(day)).ShouldBe(D(expected));

    [Theory]
    [InlineData("2027-01-01", true)]  // a Friday, New Year in fact, but 2027's notice is not known yet
    [InlineData("2027-01-02", false)]
    [InlineData("2022-10-03", true)]  // a Monday, National Day in fact
    public void IsWorkday_OutsideKnownYears_UsesWeekendsOnly(string day, bool expected)
    {
        Calendar.IsProvisional(D(day)).ShouldBeTrue();
        Calendar.IsWorkday(D(day)).ShouldBe(expected);
    }

    [Fact]
    public void IsProvisional_InsideKnownYears_IsFalse()
    {
        Calendar.IsProvisional(D("2024-02-29")).ShouldBeFalse();
        Calendar.IsProvisional(D("2023-01-01"), D("2026-12-31")).ShouldBeFalse();
        Calendar.IsProvisional(D("2026-12-01"), D("2027-01-05")).ShouldBeTrue();
    }

    [Fact]
    public void AddWorkdays_IntoUnknownYear_CountsWeekdays()
    {
        Calendar.AddWorkdays(D("2026-12-31"), 1).ShouldBe(D("2027-01-01"));
        Calendar.AddWorkdays(D("2027-03-05"), 5).ShouldBe(D("2027-03-12"));
        Calendar.WorkdaysBetween(D("2027-03-05"), D("2027-03-12")).ShouldBe(5);
    }

    [Fact]
    public void Constructor_DayBothOffAndWorking_Refused()
    {
        var e = Should.Throw<DomainException>(() =>
            new CalendarYear(2027, [D("2027-02-06"), D("2027-02-07")], [D("2027-02-07")], "test"));
        e.Code.ShouldBe("Calendar.DayBothOffAndWorking");
        e.Args.ShouldBe(["2027-02-07"]);
    }

    [Fact]
    public void Constructor_TwoYearsDisagreeOnADay_Refused()
    {
        var y2026 = new CalendarYear(2026, [], [D("2027-01-02")], "test");
        var y2027 = new CalendarYear(2027, [D("2027-01-02")], [], "test");
        var e = Should.Throw<DomainException>(() => new WorkingCalendar([y2026, y2027]));
        e.Code.ShouldBe("Calendar.DayBothOffAndWorking");
        e.Args.ShouldBe(["2027-01-02"]);
    }

    [Fact]
    public void Constructor_DuplicateYear_Refused() =>
        Should.Throw<DomainException>(() => new WorkingCalendar([.. OfficialCalendar.ShippedYears, new CalendarYear(2025, [], [], "x")]))
            .Code.ShouldBe("Calendar.DuplicateYear");

    [Fact]
    public void Constructor_DayFarOutsideYear_Refused() =>
        Should.Throw<DomainException>(() => new CalendarYear(2027, [D("2026-10-01")], [], "x"))
            .Code.ShouldBe("Calendar.DayOutsideYear");

    [Fact]
    public void Constructor_AddedYear_MakesItsDaysOfficial()
    {
        var y2027 = new CalendarYear(2027, [D("2027-01-01")], [], "test notice");
        var calendar = new WorkingCalendar([.. OfficialCalendar.ShippedYears, y2027]);
        calendar.IsWorkday(D("2027-01-01")).ShouldBeFalse();
        calendar.IsProvisional(D("2027-01-01")).ShouldBeFalse();
        calendar.AddWorkdays(D("2026-12-31"), 1).ShouldBe(D("2027-01-04"));
    }

    [Fact]
    public void Constructor_NoYears_CountsWeekendsOnly()
    {
        var calendar = new WorkingCalendar([]);
        calendar.IsWorkday(D("2025-10-01")).ShouldBeTrue();
        calendar.AddWorkdays(D("2025-09-26"), 20).ShouldBe(D("2025-10-24"));
        calendar.IsProvisional(D("2025-10-01")).ShouldBeTrue();
    }
}
