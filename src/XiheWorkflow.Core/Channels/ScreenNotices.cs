using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;
using XiheWorkflow.Domain.Privacy;

namespace XiheWorkflow.Core.Channels;

public sealed record ScreenItem(int Id, string Title, string OfficeName, string IssuedOnText, string Excerpt, string? PublicityText);

/// <summary>
/// What the electronic screen (电子屏) cycles through: the notices in publicity now (INTERFACES.md
/// §6), the window closing soonest first, in the text of the revision the public sees; no roster.
/// </summary>
public class ScreenNotices(IDbContextFactory<XiheDbContext> contexts)
{
    public const int MaxItems = 12;
    public const int ExcerptLength = 160;

    public async Task<IReadOnlyList<ScreenItem>> HandleAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var notices = await db.Notices.AsNoTracking().Include(n => n.Revisions)
            .Where(n => n.State == NoticeState.InPublicity)
            .OrderBy(n => n.PublicityEndsAtUtc).ThenByDescending(n => n.PublishedAtUtc)
            .Take(MaxItems).ToListAsync(ct);
        var offices = await db.Offices.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return notices.Select(n => (n, r: n.PublicRevision)).Where(x => x.r is not null)
            .Select(x => new ScreenItem(x.n.Id, Clean(x.r!.Content.Title), offices.GetValueOrDefault(x.r.Content.OfficeId, ""),
                ChinaTime.ChineseDate(ChinaTime.DateOf(x.n.PublishedAtUtc ?? x.n.UpdatedAtUtc)), Excerpt(x.r.Content),
                ChannelOutputs.PublicityLine(x.n)))
            .ToList();
    }

    private static string Excerpt(NoticeContent content)
    {
        var text = string.Join("　", ChannelSheet.Parse(ChannelSheet.SanitizedBody(content))
            .Where(b => b.Kind != BlockKind.Table).Select(b => b.Text));
        text = Clean(text);
        return text.Length <= ExcerptLength ? text : text[..(ExcerptLength - 1)] + "…";
    }

    // A screen in the street needs no personal number, even one the officer let through on the
    // portal with a reason; it is masked here whatever the revision holds.
    private static string Clean(string text) => PrivacyMasker.Mask(text);
}
