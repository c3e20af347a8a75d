using System.Globalization;
using XiheWorkflow.Core.Resources;
using XiheWorkflow.Domain.Calendar;
using XiheWorkflow.Domain.Common;

namespace XiheWorkflow.Core.Tests.Resources;

public class MessagesTests
{
    [Theory]
    [InlineData("Calendar.DayBothOffAndWorking")]
    [InlineData("Calendar.DayOutsideYear")]
    [InlineData("Calendar.DuplicateYear")]
    [InlineData("Calendar.NegativeWorkdays")]
    [InlineData("Calendar.DateOutOfRange")]
    [InlineData("Calendar.YearOutOfRange")]
    [InlineData("Publicity.PeriodOutOfRange")]
    [InlineData("Publicity.ExtensionMustLengthen")]
    [InlineData("Application.ReceiptMissing")]
    [InlineData("Application.ReceivedTwice")]
    [InlineData("Application.EventBeforeReceipt")]
    [InlineData("Application.EventAfterToday")]
    [InlineData("Application.SupplementAlreadyRequested")]
    [InlineData("Application.SupplementNotRequested")]
    [InlineData("Application.SupplementAlreadyReceived")]
    [InlineData("Application.ConsultationNotStarted")]
    [InlineData("Application.ExtensionAlreadyGranted")]
    [InlineData("Application.ExtensionOutOfRange")]
    public void Get_CalendarPublicityAndClockCodes_HaveChineseAndEnglishText(string code)
    {
        foreach (var culture in new[] { "zh-CN", "en" })
        {
            var previous = CultureInfo.CurrentUICulture;
            CultureInfo.CurrentUICulture = new CultureInfo(culture);
            try
            {
                Messages.Get(code, "2027-02-07", 20).ShouldNotStartWith(code);
            }
            finally
            {
                CultureInfo.CurrentUICulture = previous;
            }
        }
    }

    [Fact]
    public void For_ContradictingCalendarDay_NamesTheDateInChinese()
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        try
        {
            var e = Should.Throw<DomainException>(() =>
                new CalendarYear(2027, [new DateOnly(2027, 2, 7)], [new DateOnly(2027, 2, 7)], "test"));
            Messages.For(e).ShouldBe("2027-02-07 不能既是休息日又是调休上班日。");
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
