using XiheWorkflow.Domain.Common;

namespace XiheWorkflow.Web.Components.Shared;

/// <summary>Instants are stored in UTC and shown in Asia/Shanghai, as people write dates.</summary>
public static class ChinaTimeText
{
    public static string DateTime(DateTime utc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc), ChinaTime.Zone);
        return $"{local.Year}年{local.Month}月{local.Day}日 {local:HH:mm}";
    }

    public static string Date(DateTime utc) => ChinaTime.ChineseDate(ChinaTime.DateOf(utc));

    public static string Date(DateOnly day) => ChinaTime.ChineseDate(day);
}
