using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Core.Notices;
using XiheWorkflow.Domain.Channels;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;

namespace XiheWorkflow.Core.Channels;

/// <summary>
/// The sheet every channel output is made from. Only a notice the public may see has one, and its
/// text is the latest approved revision's, so a correction being drafted never leaks out.
/// </summary>
public class ChannelOutputs(IDbContextFactory<XiheDbContext> contexts, ChannelSettingsStore settings, IOptions<XiheOptions> options)
{
    /// <param name="actor">Null for the public (the 公开栏 print view); otherwise who may see the notice.</param>
    /// <param name="requestBaseUrl">Used for links when Xihe:PublicBaseUrl is not configured.</param>
    public async Task<ChannelSheet?> SheetAsync(int noticeId, Actor? actor, string requestBaseUrl, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var notice = await db.Notices.AsNoTracking().Include(n => n.Events).Include(n => n.Revisions)
            .SingleOrDefaultAsync(n => n.Id == noticeId, ct);
        if (notice is null || !NoticeWorkflow.IsPublic(notice.State)) return null;
        if (actor is not null && !NoticeQueries.MaySee(notice, actor, await NoticeActors.LoadAsync(db, actor, ct))) return null;
        var revision = LatestApprovedRevision(notice);
        if (revision is null) return null;

        var content = revision.Content;
        var office = await db.Offices.AsNoTracking().Where(o => o.Id == content.OfficeId).Select(o => o.Name).SingleAsync(ct);
        var body = ChannelSheet.SanitizedBody(content);
        var baseUrl = BaseUrl(requestBaseUrl);
        return new ChannelSheet(notice.Id, revision.Number, content.Title, body, ChannelSheet.Parse(body), office,
            notice.IndexNumber, content.DocumentNumber, content.Channels, content.Form, content.Origin, content.Attachments,
            ChinaTime.DateOf(notice.PublishedAtUtc ?? notice.UpdatedAtUtc), await settings.GetAsync(ct),
            PublicUrl(baseUrl, notice.Id), baseUrl)
        {
            PublicityText = PublicityLine(notice),
        };
    }

    /// <summary>"公示期：…至…" for a notice whose window is (or was) open; the dates printed once never change.</summary>
    public static string? PublicityLine(Notice notice) =>
        notice is { PublicityFrom: { } from, PublicityTo: { } to } ? Domain.Publicity.PublicityWindow.Format(from, to) : null;

    /// <summary>The revision the last approval (the step into 已审核待发布) judged.</summary>
    public static NoticeRevision? LatestApprovedRevision(Notice notice)
    {
        var approved = notice.Events.Where(e => e.Action == NoticeAction.Approve && e.ToState == NoticeState.Approved && e.Revision is not null)
            .Select(e => e.Revision!.Value).DefaultIfEmpty(0).Max();
        return notice.Revisions.SingleOrDefault(r => r.Number == approved);
    }

    public string BaseUrl(string requestBaseUrl) =>
        (string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl) ? requestBaseUrl : options.Value.PublicBaseUrl).TrimEnd('/');

    /// <summary>The address the county portal links to (INTERFACES.md §6).</summary>
    public static string PublicUrl(string baseUrl, int noticeId) => $"{baseUrl.TrimEnd('/')}/public/notices/{noticeId}";

    public static string Weibo(ChannelSheet sheet) =>
        ChannelTexts.Weibo(sheet.Title, sheet.PlainParagraphs(rows => $"（附表{rows}条）"), sheet.PublicUrl);

    public static string Broadcast(ChannelSheet sheet) =>
        ChannelTexts.Broadcast(sheet.Settings.IssuingOrganization, sheet.Title,
            sheet.PlainParagraphs(rows => $"本通知附有名单，共{rows}条，请到公开栏查看"),
            sheet.PublicityText, sheet.Settings.SupervisionPhone, sheet.IssuedOnText);
}
