using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Domain.Notices;

namespace XiheWorkflow.Core.Notices;

public static class NoticeActors
{
    /// <summary>The acting person as the workflow rules see them, with the offices they supervise.</summary>
    public static async Task<NoticeActor> LoadAsync(XiheDbContext db, Actor actor, CancellationToken ct)
    {
        var supervised = actor.UserId is null
            ? []
            : await db.Users.Where(u => u.Id == actor.UserId).SelectMany(u => u.SupervisedOffices).Select(o => o.Id).ToListAsync(ct);
        return new NoticeActor(actor.UserId ?? "", actor.Name, actor.Roles, supervised.ToHashSet());
    }
}
