using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Data;

namespace XiheWorkflow.Core.Publicity;

public record NotificationItem(long Id, NotificationKind Kind, int NoticeId, string Text, DateTime CreatedAtUtc, bool Read);

/// <summary>The bell: a person's own reminders, newest first.</summary>
public class NotificationCentre(IDbContextFactory<XiheDbContext> contexts, ChangeNotifier notifier, TimeProvider clock)
{
    public async Task<int> UnreadCountAsync(Actor actor, CancellationToken ct = default)
    {
        if (actor.UserId is null) return 0;
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Notifications.CountAsync(n => n.RecipientUserId == actor.UserId && n.ReadAtUtc == null, ct);
    }

    public async Task<IReadOnlyList<NotificationItem>> LatestAsync(Actor actor, int take = 20, CancellationToken ct = default)
    {
        if (actor.UserId is null) return [];
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Notifications.AsNoTracking().Where(n => n.RecipientUserId == actor.UserId)
            .OrderByDescending(n => n.Id).Take(take)
            .Select(n => new NotificationItem(n.Id, n.Kind, n.NoticeId, n.Text, n.CreatedAtUtc, n.ReadAtUtc != null)).ToListAsync(ct);
    }

    /// <summary>Marks the person's own reminders read (all of them when <paramref name="ids"/> is null).</summary>
    public async Task MarkReadAsync(Actor actor, IReadOnlyCollection<long>? ids = null, CancellationToken ct = default)
    {
        if (actor.UserId is null) return;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var unread = await db.Notifications.Where(n => n.RecipientUserId == actor.UserId && n.ReadAtUtc == null)
            .Where(n => ids == null || ids.Contains(n.Id)).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var n in unread) n.MarkRead(now);
        await db.SaveChangesAsync(ct);
        if (unread.Count > 0) notifier.Raise();
    }
}
