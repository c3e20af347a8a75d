using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Auditing;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Core.Notices;
using XiheWorkflow.Domain.Channels;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;

namespace XiheWorkflow.Core.Channels;

/// <summary>
/// 标记已发布 / 无需发布 for one channel of a published notice: by staff who may see the notice or the
/// disclosure officer, for a channel the approved revision names, once per channel.
/// </summary>
public class RecordPosting(IDbContextFactory<XiheDbContext> contexts, TimeProvider clock)
{
    public sealed record Command(int NoticeId, Channel Channel, PostingStatus Status, DateOnly? PostedOn = null, string? Link = null,
        AttachmentRef? Photo = null, ContentForm? Form = null, ContentOrigin? Origin = null, string? Reason = null);

    public async Task HandleAsync(Command command, Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.Staff, Roles.DisclosureOfficer);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var notice = await db.Notices.AsNoTracking().Include(n => n.Revisions)
            .SingleOrDefaultAsync(n => n.Id == command.NoticeId, ct);
        if (notice is null || !NoticeQueries.MaySee(notice, actor, await NoticeActors.LoadAsync(db, actor, ct)))
            throw new DomainException("Notice.NotFound", command.NoticeId);
        if (!NoticeWorkflow.IsPublic(notice.State)) throw new DomainException("Posting.NotPublished", CodeLabels.Label(notice.State));
        var revision = notice.PublicRevision ?? throw new DomainException("Posting.NotPublished", CodeLabels.Label(notice.State));
        if (!revision.Content.Channels.Contains(command.Channel)) throw new DomainException("Posting.ChannelNotApproved", CodeLabels.Label(command.Channel));
        if (await db.Set<NoticePosting>().AnyAsync(p => p.NoticeId == notice.Id && p.Channel == command.Channel, ct))
            throw new DomainException("Posting.AlreadyRecorded", CodeLabels.Label(command.Channel));

        var posting = command.Status == PostingStatus.Posted
            ? NoticePosting.Posted(notice.Id, command.Channel, revision.Number, command.PostedOn ?? ChinaTime.DateOf(now), command.Link,
                command.Photo, command.Form, command.Origin, actor.UserId ?? "", actor.Name, now)
            : NoticePosting.NotNeeded(notice.Id, command.Channel, revision.Number, command.Reason, actor.UserId ?? "", actor.Name, now);
        db.Add(posting);
        db.AuditEntries.Add(new AuditEntry(now, actor.UserId, actor.Name, $"Notice.Channel{command.Status}", "Notice", notice.Id.ToString(),
            revision: revision.Number, reason: posting.Reason,
            details: string.Join("; ", new[] { command.Channel.ToString(), posting.PostedOn?.ToString("yyyy-MM-dd"), posting.Link,
                posting.Photo?.Sha256, posting.Form?.ToString(), posting.Origin?.ToString() }.Where(s => s is not null))));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two people marking the same channel at once: the unique index keeps the first.
            throw new DomainException("Posting.AlreadyRecorded", CodeLabels.Label(command.Channel));
        }
    }
}
