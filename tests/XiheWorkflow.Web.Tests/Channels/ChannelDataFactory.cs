using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using XiheWorkflow.Core;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Core.Notices;
using XiheWorkflow.Domain.Notices;

namespace XiheWorkflow.Web.Tests.Channels;

/// <summary>
/// The app with notices carrying attachments and a roster, made through the use cases people use:
/// a 公示 in publicity with a masked roster and a photo, another published notice, one withdrawn,
/// one corrected (its photo replaced by a file), and a draft.
/// </summary>
public sealed class ChannelDataFactory : XiheWebFactory, IAsyncLifetime
{
    public const string UnmaskedId = "440524188001010014";
    public const string MaskedId = "440524********0014";

    /// <summary>A 320×120 PNG: what a notice's photo is to these tests.</summary>
    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAUAAAAB4CAIAAAAMrLyJAAACNElEQVR42u3UwQnAIBAFUTuxEWtIPRZhTbZmwAI87SLIGzwHhr+T0vq88uo3rjy+fF/yLQbmy1fABubLV8AG5stXwAbmK2AD8+UrYAPz5StgA/PlK2AHzVfABubLV8AG5stXwAbmK2AD8+UrYAPz5StgA/PlK2AD8xWwgfnyFbCB+fIVsIH58hUwX74CNjBfvgI2MF++AjYwXwEbmC9fARuYL18BG5gvXwE7aL4CNjBfvgI2MF++AjYwX74C5stXwAbmy1fABubLV8AG5itgA/PlK2AD8+UrYAPz5StgB81XwAbmy1fABubLNyTgvE8vAJu8H4eAAQELGBAwIGABAwIWMCBgAAIGBCxgQMACBgQMCFjAgIAFDAhYwICAAQELGBCwgAEBAwIWMCBgAQMCFjAgYEDAAgYELGBAwAIGBAwIWMCAgAUMCBgQsIABAQsYELCAAQEDAhYwIGABAwIGIGBAwAIGBCxgQMCAgGMCzvv0+eX9OM6PL9+XfAXMl6+ADcyXr4ANzJevgA3MV8AG5stXwAbmy1fABubLV8AOmq+ADcyXr4ANzJevgA3MV8AG5stXwAbmy1fABubLV8AG5itgA/PlK2AD8+UrYAPz5StgvnwFbGC+fAVsYL58BWxgvgI2MF++AjYwX74CNjBfvgJ20HwFbGC+fAVsYL58BWxgvnwFzJevgA3Ml6+ADcyXr4ANzFfABubLV8AG5stXwAbmy1fADpqvgA3Ml6+ADcyXb8j7AZkCsIRSAR5wAAAAAElFTkSuQmCC");

    public int Publicity { get; private set; }
    public AttachmentRef PublicityPhoto { get; private set; } = default!;
    public int Other { get; private set; }
    public AttachmentRef OtherFile { get; private set; } = default!;
    public int Withdrawn { get; private set; }
    public AttachmentRef WithdrawnFile { get; private set; } = default!;
    public int Draft { get; private set; }
    public AttachmentRef DraftFile { get; private set; } = default!;
    public int Corrected { get; private set; }
    public AttachmentRef ReplacedFile { get; private set; } = default!;
    public AttachmentRef CorrectedFile { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        _ = Server; // starts the app: migrations and demo accounts
        PublicityPhoto = await SaveAsync("评议会现场.png", Png);
        Publicity = await DraftAsync("2024年第四季度城乡低保拟保对象公示", "低保公示", "民生服务中心", "staff2", PublicityPhoto);
        var staff2 = await ActorAsync("staff2");
        var csv = Encoding.UTF8.GetBytes($"户主姓名,保障金额（元/月）,备注\n马晓丽,280,身份证{UnmaskedId}\n曹福,350,\n");
        await Use<EditRoster>().AttachAsync(Publicity, new MemoryStream(csv), "名单.csv", csv.Length, staff2);
        await Use<EditRoster>().MaskAsync(Publicity, staff2);
        await PublishAsync(Publicity, "staff2");

        OtherFile = await SaveAsync("另一事项附件.png", [.. Png, 1]);
        Other = await DraftAsync("硝河乡召开冬季安全生产会议", "新闻动态", "综合办公室", "staff", OtherFile);
        await PublishAsync(Other, "staff");

        WithdrawnFile = await SaveAsync("已回收附件.png", [.. Png, 2]);
        Withdrawn = await DraftAsync("特困供养人员名单公示", "特困供养公示", "民生服务中心", "staff2", WithdrawnFile);
        await PublishAsync(Withdrawn, "staff2");
        await Decide(Withdrawn, NoticeAction.Withdraw, await ActorAsync("officer"), "名单有误，核实后重新公示");

        DraftFile = await SaveAsync("草稿附件.png", [.. Png, 3]);
        Draft = await DraftAsync("尚未提交的草稿", "新闻动态", "综合办公室", "staff", DraftFile);

        ReplacedFile = await SaveAsync("旧照片.png", [.. Png, 4]);
        // A correction passes the privacy guard with no acknowledgement, so its new file is one that can be read.
        CorrectedFile = await SaveAsync("植树安排.csv", Encoding.UTF8.GetBytes("时间,地点\n3月12日,硝河村\n"));
        Corrected = await DraftAsync("硝河乡春季植树活动", "新闻动态", "综合办公室", "staff", ReplacedFile);
        await PublishAsync(Corrected, "staff");
        var staff = await ActorAsync("staff");
        await Use<SaveCorrection>().HandleAsync(new SaveCorrection.Command
        {
            NoticeId = Corrected, Title = "硝河乡春季植树活动", BodyHtml = "<p>3月12日，全乡干部群众参加义务植树。</p>",
            LegalBasis = "《中华人民共和国政府信息公开条例》第二十条", Channels = [Channel.WeChat, Channel.PlatformDisclosure],
            Attachments = [CorrectedFile], Note = "以活动安排替换现场照片", Material = false,
        }, staff);
        await Use<SubmitCorrection>().HandleAsync(new SubmitCorrection.Command(Corrected, null), staff);
        await Decide(Corrected, NoticeAction.ApproveCorrection, await ActorAsync("officer"));
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    private T Use<T>() where T : notnull => Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    private Task<AttachmentRef> SaveAsync(string fileName, byte[] bytes) =>
        Use<AttachmentStore>().SaveAsync(new MemoryStream(bytes), fileName, bytes.Length);

    private async Task<int> DraftAsync(string title, string category, string office, string author, AttachmentRef attachment)
    {
        await using var db = await Use<IDbContextFactory<XiheDbContext>>().CreateDbContextAsync();
        return (await Use<SaveNoticeDraft>().HandleAsync(new SaveNoticeDraft.Command
        {
            Title = title,
            BodyHtml = "<p>经村民代表会议评议，拟将以下家庭纳入最低生活保障，现予公示。</p>",
            CategoryId = await db.Categories.Where(c => c.Name == category).Select(c => c.Id).SingleAsync(),
            OfficeId = await db.Offices.Where(o => o.Name == office).Select(o => o.Id).SingleAsync(),
            LegalBasis = "《中华人民共和国政府信息公开条例》第二十条",
            Channels = [Channel.WeChat, Channel.NoticeBoard, Channel.Loudspeaker, Channel.PlatformDisclosure],
            Attachments = [attachment],
        }, await ActorAsync(author))).NoticeId;
    }

    private async Task PublishAsync(int id, string author)
    {
        // A photo cannot be read for numbers: the author acknowledges it, the officer says why it may go out.
        var v = await Use<SubmitNotice>().HandleAsync(new SubmitNotice.Command(id, null, AcknowledgePrivacyFindings: true), await ActorAsync(author));
        v = await Decide(id, NoticeAction.Approve, await ActorAsync("leader"), version: v);
        v = await Decide(id, NoticeAction.Approve, await ActorAsync("officer"), version: v);
        await Decide(id, NoticeAction.Publish, await ActorAsync("officer"), PhotoChecked, version: v);
    }

    private const string PhotoChecked = "照片已人工核对，无个人信息";

    private Task<int> Decide(int id, NoticeAction action, Actor actor, string? reason = null, int? version = null) =>
        Use<DecideNotice>().HandleAsync(new DecideNotice.Command(id, version, action, reason), actor);

    private Task<Actor> ActorAsync(string userName) => DemoActorAsync(userName);
}
