using Microsoft.Extensions.Localization;

namespace XiheWorkflow.Web.Features.Public;

public static class PublicWindowText
{
    /// <summary>"还剩 3 天" counting today, "今日24时截止" on the last day.</summary>
    public static string Left(IStringLocalizer localizer, DateOnly lastDay, DateOnly today)
    {
        var days = lastDay.DayNumber - today.DayNumber + 1;
        if (days <= 0) return localizer["Public.Ended"];
        return days == 1 ? localizer["Public.EndsToday"] : localizer["Public.DaysLeft", days];
    }
}
