using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Core.Notices;
using XiheWorkflow.Core.Publicity;
using XiheWorkflow.Core.Resources;
using XiheWorkflow.Domain.Channels;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;

namespace XiheWorkflow.Core.Channels;

/// <summary>
/// The sheet every channel output is made from. Only a notice the public may see has one, and its
/// text and roster are those of the revision the public sees (<see cref="Notice.PublicRevision"/>):
/// an approved 更正 reaches every channel, a correction being drafted or reviewed never does.
/// </summary>
public class ChannelOutputs(IDbContextFactory<XiheDbContext> contexts, ChannelSettingsStore settings, IOptions<XiheOptions> options,
    TimeProvider clock)
{
    /// <param name="actor">Null for the public (the 公开栏 print view); otherwise who may see the notice.</param>
    /// <param name="requestBaseUrl">Used for links when Xihe:PublicBaseUrl is not configured.</param>
    public async Task<ChannelSheet?> SheetAsync(int noticeId, Actor? actor, string requestBaseUrl, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var notice = await db.Notices.AsNoTracking().Include(n => n.Revisions)
            .SingleOrDefaultAsync(n => n.Id == noticeId, ct);
        var revision = notice?.PublicRevision;
        if (notice is null || revision is null) return null;
        if (actor is not null && !NoticeQueries.MaySee(notice, actor, await NoticeActors.LoadAsync(db, actor, ct))) return null;

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
            Roster = await PublicNotices.PublicRosterAsync(db, notice.Id, revision.Number, notice.PublicityTo,
                clock.GetUtcNow().UtcDateTime, options.Value.RosterPublicDays, ct),
        };
    }

    /// <summary>
    /// "公示期：…至…" for a notice whose window is (or was) open, flagged like everywhere else when it
    /// runs into a year whose holiday arrangement is not known yet (computed on weekends only).
    /// </summary>
    public static string? PublicityLine(Notice notice) =>
        notice is { PublicityFrom: { } from, PublicityTo: { } to }
            ? Domain.Publicity.PublicityWindow.Format(from, to) + (notice.PublicityProvisional ? Messages.Get("Publicity.ProvisionalNote") : "")
            : null;

    public string BaseUrl(string requestBaseUrl) =>
        (string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl) ? requestBaseUrl : options.Value.PublicBaseUrl).TrimEnd('/');

    /// <summary>The address the county portal links to (INTERFACES.md §6).</summary>
    public static string PublicUrl(string baseUrl, int noticeId) => $"{baseUrl.TrimEnd('/')}/public/notices/{noticeId}";

    public static string Weibo(ChannelSheet sheet) =>
        ChannelTexts.Weibo(sheet.Title, sheet.PlainParagraphs(rows => $"（附表{rows}条）"), sheet.PublicUrl);

    /// <summary>The loudspeaker script: a roster is never read out, only how many it lists and where to read it.</summary>
    public static string Broadcast(ChannelSheet sheet) =>
        ChannelTexts.Broadcast(sheet.Settings.IssuingOrganization, sheet.Title,
            sheet.PlainParagraphs(rows => $"本通知附有名单，共{rows}条，请到公开栏查看")
                .Concat(sheet.Roster is { } roster ? [$"名单共{roster.Rows.Count}人，详见公开栏"] : []),
            sheet.PublicityText, sheet.Settings.SupervisionPhone, sheet.IssuedOnText);

    /// <summary>
    /// The public address of an attachment of the public revision (anonymous, unlike /attachments/…),
    /// which the official account's editor and readers can load.
    /// </summary>
    public static string AttachmentUrl(ChannelSheet sheet, AttachmentRef attachment) =>
        $"{sheet.BaseUrl}/public/notices/{sheet.NoticeId}/attachments/{attachment.Sha256}";
}
