using XiheWorkflow.Domain.Notices;
using XiheWorkflow.Domain.Publicity;

namespace XiheWorkflow.Domain.Common;

/// <summary>The Chinese labels of INTERFACES.md §4, in one place.</summary>
internal static class KnownLabels
{
    public static void RegisterAll()
    {
        CodeLabels.Register(
            (NoticeKind.Regulation, "规章"), (NoticeKind.NormativeDocument, "行政规范性文件"),
            (NoticeKind.Publicity, "公示"), (NoticeKind.Announcement, "公告/通知"),
            (NoticeKind.Policy, "政策文件"), (NoticeKind.Interpretation, "政策解读"),
            (NoticeKind.News, "新闻"), (NoticeKind.Post, "新媒体推送"));
        CodeLabels.Register(
            (Channel.PlatformDisclosure, "政府信息公开"), (Channel.PlatformCatalog, "部门信息公开目录"),
            (Channel.PlatformNews, "新闻中心"), (Channel.WeChat, "微信公众号"), (Channel.Weibo, "微博"),
            (Channel.NoticeBoard, "公开栏"), (Channel.Screen, "电子屏"), (Channel.Loudspeaker, "大喇叭"));
        CodeLabels.Register(
            (ContentForm.Text, "文字"), (ContentForm.TextImage, "图文"), (ContentForm.Video, "视频"),
            (ContentForm.Animation, "动漫"));
        CodeLabels.Register((ContentOrigin.SelfEdited, "自主编辑"), (ContentOrigin.Forwarded, "转发"));
        CodeLabels.Register((PeriodUnit.CalendarDays, "自然日"), (PeriodUnit.WorkingDays, "工作日"));
    }
}
