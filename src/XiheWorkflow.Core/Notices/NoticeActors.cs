using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;

namespace XiheWorkflow.Core.Notices;

public static class NoticeActors
{
    /// <summary>The acting person as the workflow rules see them, with the offices they supervise.</summary>
    public static Task<NoticeActor> LoadAsync(XiheDbContext db, Actor actor, CancellationToken ct) =>
        LoadAsync(db, actor, DateTime.UtcNow, ct);

    /// <summary>
    /// The acting person as the workflow rules see them, with the offices they supervise and the
    /// reviewers whose stages they may decide today on their behalf (代理审核): each delegation in
    /// its period (Shanghai days), not revoked, whose delegator still holds the delegated role.
    /// </summary>
    public static async Task<NoticeActor> LoadAsync(XiheDbContext db, Actor actor, DateTime nowUtc, CancellationToken ct)
    {
        if (actor.UserId is null) return new NoticeActor("", actor.Name, actor.Roles, new HashSet<int>());
        var supervised = await db.Users.Where(u => u.Id == actor.UserId).SelectMany(u => u.SupervisedOffices).Select(o => o.Id).ToListAsync(ct);
        var today = ChinaTime.DateOf(nowUtc);
        var delegations = await db.ReviewDelegations.AsNoTracking()
            .Where(d => d.DelegateId == actor.UserId && d.RevokedAtUtc == null && d.FromDate <= today && d.ToDate >= today)
            .OrderBy(d => d.Id).ToListAsync(ct);
        var delegators = new List<NoticeActor>();
        foreach (var d in delegations)
        {
            var stillHolds = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id
                                    where ur.UserId == d.DelegatorId && r.Name == d.Role select ur).AnyAsync(ct);
            if (!stillHolds) continue;
            var theirs = await db.Users.Where(u => u.Id == d.DelegatorId).SelectMany(u => u.SupervisedOffices).Select(o => o.Id).ToListAsync(ct);
            delegators.Add(new NoticeActor(d.DelegatorId, d.DelegatorName, new HashSet<string> { d.Role }, theirs.ToHashSet()));
        }
        return new NoticeActor(actor.UserId, actor.Name, actor.Roles, supervised.ToHashSet()) { Delegators = delegators };
    }
}
