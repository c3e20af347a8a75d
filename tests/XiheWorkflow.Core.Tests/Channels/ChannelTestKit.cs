using System.Text.Json;
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

    /// <summary>
    /// What a correction drafted after publication leaves behind: a newer frozen revision and new live
    /// text, neither of them approved.
    /// </summary>
    public static async Task AddUnapprovedRevisionAsync(this TestDatabase t, int id, string title, string bodyHtml)
    {
        await using var db = t.NewContext();
        var notice = await db.Notices.AsNoTracking().SingleAsync(n => n.Id == id);
        var content = JsonSerializer.Serialize(notice.Content with { Title = title, BodyHtml = bodyHtml }, JsonColumn.Options);
        var number = notice.CurrentRevision + 1;
        var now = t.Clock.GetUtcNow().UtcDateTime;
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO \"NoticeRevisions\" (\"NoticeId\", \"Number\", \"Content\", \"FrozenAtUtc\", \"AuthorId\") VALUES ({id}, {number}, {content}, {now}, {notice.AuthorId})");
        await db.Database.ExecuteSqlAsync($"UPDATE \"Notices\" SET \"Title\" = {title}, \"BodyHtml\" = {bodyHtml}, \"CurrentRevision\" = {number} WHERE \"Id\" = {id}");
    }

    /// <summary>Every output a channel gets, as text, so that a test can look for what must (not) be in any of them.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> AllOutputsAsync(this TestDatabase t, int id)
    {
        var sheet = (await t.Get<ChannelOutputs>().SheetAsync(id, null, BaseUrl))!;
        using var docx = WordprocessingDocument.Open(new MemoryStream(NoticeBoardDocx.Write(sheet)), false);
        return new Dictionary<string, string>
        {
            ["sheet"] = sheet.Title + "\n" + sheet.BodyHtml,
            ["docx"] = docx.MainDocumentPart!.Document.Body!.InnerText,
            ["wechat"] = WeChatArticle.Html(sheet),
            ["weibo"] = ChannelOutputs.Weibo(sheet),
            ["broadcast"] = ChannelOutputs.Broadcast(sheet),
        };
    }
}
