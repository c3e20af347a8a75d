using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Channels;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Core.Notices;
using XiheWorkflow.Core.Tests.Notices;
using XiheWorkflow.Domain.Notices;

namespace XiheWorkflow.Core.Tests.Channels;

internal static class ChannelTestKit
{
    public const string BaseUrl = "http://xihe.test";

    /// <summary>Drafts, submits, approves at both stages and publishes a notice on the given channels.</summary>
    public static async Task<int> PublishedAsync(this TestDatabase t, string title, string bodyHtml, params Channel[] channels)
    {
        var staff = await t.DemoActorAsync("staff");
        var draft = await t.Get<SaveNoticeDraft>().HandleAsync(new SaveNoticeDraft.Command
        {
            Title = title, BodyHtml = bodyHtml, Channels = [.. channels], Form = ContentForm.TextImage,
            CategoryId = await t.CategoryIdAsync("新闻动态"), OfficeId = await t.OfficeIdAsync("综合办公室"),
            LegalBasis = "《中华人民共和国政府信息公开条例》第二十条",
        }, staff);
        var v = await t.Get<SubmitNotice>().HandleAsync(new SubmitNotice.Command(draft.NoticeId, draft.Version, AcknowledgePrivacyFindings: true), staff);
        return await t.ApproveAndPublishAsync(draft.NoticeId, v);
    }

    public static async Task<int> ApproveAndPublishAsync(this TestDatabase t, int id, int version)
    {
        version = await t.DecideAsync(await t.DemoActorAsync("leader"), id, version, NoticeAction.Approve);
        var officer = await t.DemoActorAsync("officer");
        version = await t.DecideAsync(officer, id, version, NoticeAction.Approve);
        await t.DecideAsync(officer, id, version, NoticeAction.Publish, reason: "测试：依法公开");
        return id;
    }

    /// <summary>更正 drafted by the notice's author (staff) with the given text and channels; left in draft.</summary>
    public static async Task DraftCorrectionAsync(this TestDatabase t, int id, string title, string bodyHtml, string note,
        params Channel[] channels)
    {
        await using var db = t.NewContext();
        var notice = await db.Notices.AsNoTracking().SingleAsync(n => n.Id == id);
        await t.Get<SaveCorrection>().HandleAsync(new SaveCorrection.Command
        {
            NoticeId = id, Title = title, BodyHtml = bodyHtml, LegalBasis = notice.LegalBasis, DocumentNumber = notice.DocumentNumber,
            Channels = channels.Length > 0 ? [.. channels] : [.. notice.Channels], Attachments = [.. notice.Attachments],
            Note = note, Material = false,
        }, await t.DemoActorAsync(AuthorOf(notice.AuthorId, db)));
    }

    /// <summary>Submits the drafted correction to the correction workflow (the disclosure officer's stage).</summary>
    public static async Task SubmitCorrectionAsync(this TestDatabase t, int id)
    {
        await using var db = t.NewContext();
        var notice = await db.Notices.AsNoTracking().SingleAsync(n => n.Id == id);
        await t.Get<SubmitCorrection>().HandleAsync(new SubmitCorrection.Command(id, null), await t.DemoActorAsync(AuthorOf(notice.AuthorId, db)));
    }

    public static async Task ApproveCorrectionAsync(this TestDatabase t, int id) =>
        await t.DecideAsync(await t.DemoActorAsync("officer"), id, null, NoticeAction.ApproveCorrection);

    private static string AuthorOf(string userId, XiheDbContext db) => db.Users.Where(u => u.Id == userId).Select(u => u.UserName!).Single();

    /// <summary>Every output a channel gets, as text, so that a test can look for what must (not) be in any of them.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> AllOutputsAsync(this TestDatabase t, int id)
    {
        var sheet = (await t.Get<ChannelOutputs>().SheetAsync(id, null, BaseUrl))!;
        var screen = (await t.Get<ScreenNotices>().HandleAsync()).Where(i => i.Id == id).Select(i => $"{i.Title}\n{i.Excerpt}\n{i.PublicityText}");
        using var docx = WordprocessingDocument.Open(new MemoryStream(NoticeBoardDocx.Write(sheet)), false);
        return new Dictionary<string, string>
        {
            ["sheet"] = string.Join("\n", [sheet.Title, sheet.BodyHtml, .. sheet.Roster?.Headers ?? [], .. sheet.Roster?.Rows.SelectMany(r => r) ?? []]),
            ["docx"] = docx.MainDocumentPart!.Document.Body!.InnerText,
            ["wechat"] = WeChatArticle.Html(sheet),
            ["weibo"] = ChannelOutputs.Weibo(sheet),
            ["broadcast"] = ChannelOutputs.Broadcast(sheet),
            ["screen"] = string.Join("\n", screen),
        };
    }
}
