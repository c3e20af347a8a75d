using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Publicity;

namespace XiheWorkflow.Domain.Tests.Publicity;

public class PublicityRuleTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(366)]
    public void Constructor_PeriodOutOfRange_Throws(int period) =>
        Should.Throw<DomainException>(() => new PublicityRule(period, PeriodUnit.CalendarDays)).Code.ShouldBe("Publicity.PeriodOutOfRange");

    [Fact]
    public void Constructor_Defaults_PublicationDayCountsEndNotMoved()
    {
        var rule = new PublicityRule(7, PeriodUnit.CalendarDays);
        rule.PublicationDayCounts.ShouldBeTrue();
        rule.MoveEndOffHoliday.ShouldBeFalse();
    }

    [Theory]
    [InlineData(7, PeriodUnit.CalendarDays, 7, PeriodUnit.CalendarDays, false)]
    [InlineData(10, PeriodUnit.CalendarDays, 7, PeriodUnit.CalendarDays, false)]
    [InlineData(5, PeriodUnit.CalendarDays, 7, PeriodUnit.CalendarDays, true)]
    [InlineData(4, PeriodUnit.WorkingDays, 5, PeriodUnit.WorkingDays, true)]
    [InlineData(7, PeriodUnit.WorkingDays, 7, PeriodUnit.CalendarDays, false)]
    [InlineData(6, PeriodUnit.WorkingDays, 7, PeriodUnit.CalendarDays, true)]
    [InlineData(30, PeriodUnit.CalendarDays, 5, PeriodUnit.WorkingDays, true)]
    public void IsBelow_ProposedAgainstMinimum_RefusesOnlyShorter(int period, PeriodUnit unit, int minPeriod, PeriodUnit minUnit, bool expected) =>
        new PublicityRule(period, unit).IsBelow(new PublicityRule(minPeriod, minUnit)).ShouldBe(expected);

    [Fact]
    public void IsBelow_SameCountButPublicationDayCountsAgainstNotCounting_IsBelow()
    {
        var minimum = new PublicityRule(7, PeriodUnit.CalendarDays, PublicationDayCounts: false);
        new PublicityRule(7, PeriodUnit.CalendarDays).IsBelow(minimum).ShouldBeTrue();
        new PublicityRule(8, PeriodUnit.CalendarDays).IsBelow(minimum).ShouldBeFalse();
    }
}
