using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Data;

namespace XiheWorkflow.Core.Admin;

/// <summary>Everyone who can sign in, with roles, office, supervised offices and lockout.</summary>
public class ListUsers(IDbContextFactory<XiheDbContext> contextFactory, TimeProvider clock)
{
    public record OfficeRef(int Id, string Name);

    /// <summary><see cref="ConcurrencyStamp"/> is the version an edit is based on (Identity changes it on every update).</summary>
    public record UserRow(string Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, OfficeRef? Office,
        IReadOnlyList<OfficeRef> SupervisedOffices, bool IsLockedOut, DateTime? LockedUntilUtc, bool MustChangePassword, string ConcurrencyStamp);

    public async Task<IReadOnlyList<UserRow>> HandleAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Require(Domain.Common.Roles.Admin);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName)
            .Select(u => new
            {
                u.Id, u.UserName, u.DisplayName, u.LockoutEnd, u.MustChangePassword, u.ConcurrencyStamp,
                Office = u.Office == null ? null : new OfficeRef(u.Office.Id, u.Office.Name),
                Supervised = u.SupervisedOffices.OrderBy(o => o.SortOrder).Select(o => new OfficeRef(o.Id, o.Name)).ToList(),
            }).ToListAsync(ct);
        var roles = (await (from ur in db.UserRoles
                            join r in db.Roles on ur.RoleId equals r.Id
                            select new { ur.UserId, r.Name }).AsNoTracking().ToListAsync(ct))
            .ToLookup(x => x.UserId, x => x.Name!);
        var order = Domain.Common.Roles.All.ToList();
        // SQLite cannot compare the DateTimeOffset Identity stores, so lockout is judged here.
        var now = clock.GetUtcNow();
        return users.Select(u => new UserRow(u.Id, u.UserName ?? "", u.DisplayName, roles[u.Id].OrderBy(order.IndexOf).ToList(), u.Office,
            u.Supervised, u.LockoutEnd > now, u.LockoutEnd > now ? u.LockoutEnd.Value.UtcDateTime : null, u.MustChangePassword,
            u.ConcurrencyStamp ?? "")).ToList();
    }
}
