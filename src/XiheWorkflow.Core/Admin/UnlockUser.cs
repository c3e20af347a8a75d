using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using XiheWorkflow.Core.Auditing;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Domain.Common;

namespace XiheWorkflow.Core.Admin;

/// <summary>Lifts a lockout after too many wrong passwords, before its 15 minutes are over.</summary>
public class UnlockUser(IServiceScopeFactory scopes, TimeProvider clock)
{
    public async Task HandleAsync(string userId, Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.Admin);
        // A fresh scope: see SetUserAccess.
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<XiheUser>>();
        var db = scope.ServiceProvider.GetRequiredService<XiheDbContext>();
        var user = await users.FindByIdAsync(userId) ?? throw new DomainException("Admin.NotFound", userId);
        if (!(user.LockoutEnd > clock.GetUtcNow())) throw new DomainException("User.NotLockedOut", user.UserName ?? "");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var unlocked = await users.SetLockoutEndDateAsync(user, null);
        if (!unlocked.Succeeded) throw new DomainException("User.UpdateFailed", unlocked.Errors.First().Description);
        await users.ResetAccessFailedCountAsync(user);
        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow().UtcDateTime, actor.UserId, actor.Name, "User.Unlocked", "User", user.Id,
            details: user.UserName));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}
