using System.Globalization;
using XiheWorkflow.Core.Resources;

namespace XiheWorkflow.Core.Tests.Publicity;

public class PublicityMessagesTests
{
    [Theory]
    [InlineData("Publicity.RuleRequired")]
    [InlineData("Publicity.ScheduleRequired")]
    [InlineData("Publicity.ScheduleInPast")]
    [InlineData("Publicity.NotDue")]
    [InlineData("Publicity.WindowStillOpen")]
    [InlineData("Publicity.NoWindow")]
    [InlineData("Publicity.ExtendToRequired")]
    [InlineData("Publicity.ConcludeNeedsObjection")]
    [InlineData("Publicity.BelowMinimum")]
    [InlineData("Category.TimelinessOutOfRange")]
    [InlineData("Webhook.UrlInvalid")]
    [InlineData("Reminder.WindowClosing")]
    [InlineData("Reminder.ReviewWaiting")]
    [InlineData("Reminder.Timeliness")]
    public void Get_PublicityCodes_HaveChineseAndEnglishText(string code)
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            foreach (var culture in new[] { "zh-CN", "en" })
            {
                CultureInfo.CurrentUICulture = new CultureInfo(culture);
                Messages.Get(code, "a", 1, "b", "c").ShouldNotStartWith(code);
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
