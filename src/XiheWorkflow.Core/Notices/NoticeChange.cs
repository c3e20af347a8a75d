using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Auditing;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;

namespace XiheWorkflow.Core.Notices;

/// <summary>
/// The shape every change to a notice takes: load it with its history, refuse a stale version,
/// let the aggregate act, audit, save. A refusal is audited too, and a concurrent change that won
/// the race turns into "the item moved on" — nothing is overwritten.
/// </summary>
public class NoticeChange(IDbContextFactory<XiheDbContext> contexts, TimeProvider clock)
{
    public delegate Task ChangeBody(XiheDbContext db, Notice notice, NoticeActor actor, DateTime nowUtc);

    public async Task<int> RunAsync(Actor actor, int noticeId, int? expectedVersion, string action, string? reason,
        ChangeBody body, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var notice = await db.Notices.Include(n => n.Events).Include(n => n.Corrections).Include(n => n.Clarifications)
            .AsSplitQuery().SingleOrDefaultAsync(n => n.Id == noticeId, ct);
        if (notice is null) throw new DomainException("Notice.NotFound", noticeId);
        var from = notice.State;
        var loadedVersion = notice.Version;
        try
        {
            if (expectedVersion is { } v && v != notice.Version) throw new DomainException("Workflow.MovedOn", CodeLabels.Label(notice.State));
            var noticeActor = await NoticeActors.LoadAsync(db, actor, now, ct);
            var eventsBefore = notice.Events.Count;
            await body(db, notice, noticeActor, now);
            // 代理审核: a decision taken on someone's behalf says so in the audit entry.
            var onBehalf = notice.Events.Count > eventsBefore ? notice.Events.MaxBy(e => e.Sequence) : null;
            db.AuditEntries.Add(new AuditEntry(now, actor.UserId, actor.Name, $"Notice.{action}", "Notice", noticeId.ToString(),
                from.ToString(), notice.State.ToString(), notice.CurrentRevision == 0 ? null : notice.CurrentRevision, reason,
                details: onBehalf?.OnBehalfOfId is { } delegatorId ? $"代{onBehalf.OnBehalfOfName}审核 (onBehalfOf={delegatorId})" : null));
            await db.SaveChangesAsync(ct);
            return notice.Version;
        }
        catch (DomainException e)
        {
            await AuditRefusalAsync(actor, noticeId, action, from, e.Code, now, ct);
            throw;
        }
        catch (DbUpdateException e)
        {
            // The loser of a race fails on whichever write reaches the database first: the version
            // check of the notice row, or the unique (notice, sequence) index of its history.
            if (e is not DbUpdateConcurrencyException && !await HasMovedOnAsync(noticeId, loadedVersion, ct)) throw;
            await AuditRefusalAsync(actor, noticeId, action, from, "Workflow.MovedOn", now, ct);
            throw new DomainException("Workflow.MovedOn", CodeLabels.Label(from));
        }
    }

    /// <summary>
    /// A refusal that comes before any notice is loaded (a role the person does not hold, a missing
    /// meeting record): audited like every other refusal — one entry for each notice concerned, or
    /// one without a record when there is none yet (a new draft) — then thrown.
    /// </summary>
    public async Task RefuseAsync(Actor actor, IReadOnlyCollection<int> noticeIds, string action, DomainException refusal, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var states = await db.Notices.AsNoTracking().Where(n => noticeIds.Contains(n.Id))
            .Select(n => new { n.Id, n.State }).ToDictionaryAsync(n => n.Id, n => n.State.ToString(), ct);
        if (noticeIds.Count == 0)
            db.AuditEntries.Add(new AuditEntry(now, actor.UserId, actor.Name, "Notice.Refused", "Notice", null, reason: refusal.Code, details: action));
        foreach (var id in noticeIds)
        {
            var state = states.GetValueOrDefault(id);
            db.AuditEntries.Add(new AuditEntry(now, actor.UserId, actor.Name, "Notice.Refused", "Notice", id.ToString(),
                state, state, reason: refusal.Code, details: action));
        }
        await db.SaveChangesAsync(ct);
        throw refusal;
    }

    private async Task<bool> HasMovedOnAsync(int noticeId, int loadedVersion, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Notices.AsNoTracking().Where(n => n.Id == noticeId).Select(n => n.Version).SingleAsync(ct) != loadedVersion;
    }

    private async Task AuditRefusalAsync(Actor actor, int noticeId, string action, NoticeState state, string code, DateTime now, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.AuditEntries.Add(new AuditEntry(now, actor.UserId, actor.Name, "Notice.Refused", "Notice", noticeId.ToString(),
            state.ToString(), state.ToString(), reason: code, details: action));
        await db.SaveChangesAsync(ct);
    }
}
