using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using XiheWorkflow.Core.Auditing;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Domain.Common;

namespace XiheWorkflow.Core.Admin;

/// <summary>Sets a user's display name, roles, office and (for a supervising leader) supervised offices.</summary>
public class SetUserAccess(IServiceScopeFactory scopes, TimeProvider clock)
{
    public record Command(string UserId, string DisplayName, IReadOnlyList<string> Roles, int? OfficeId,
        IReadOnlyList<int> SupervisedOfficeIds, string ConcurrencyStamp);

    public class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.DisplayName).NotEmpty().WithErrorCode("User.DisplayNameRequired")
                .MaximumLength(50).WithErrorCode("User.DisplayNameTooLong").WithState(_ => new object[] { 50 });
            RuleFor(c => c.Roles).NotEmpty().WithErrorCode("User.RoleRequired");
            RuleForEach(c => c.Roles).Must(r => Domain.Common.Roles.All.Contains(r)).WithErrorCode("User.RoleUnknown");
            // A Staff member's drafts come from their office; without one they could not draft.
            RuleFor(c => c.OfficeId).NotNull().When(c => c.Roles.Contains(Domain.Common.Roles.Staff)).WithErrorCode("User.StaffNeedsOffice");
            RuleFor(c => c.SupervisedOfficeIds).NotEmpty().When(c => c.Roles.Contains(Domain.Common.Roles.SupervisingLeader))
                .WithErrorCode("User.LeaderNeedsOffices");
            RuleFor(c => c.SupervisedOfficeIds).Empty().When(c => !c.Roles.Contains(Domain.Common.Roles.SupervisingLeader))
                .WithErrorCode("User.SupervisionNeedsLeader");
        }
    }

    public async Task HandleAsync(Command command, Actor actor, CancellationToken ct = default)
    {
        actor.Require(Domain.Common.Roles.Admin);
        new Validator().ThrowIfInvalid(command);
        if (command.UserId == actor.UserId && !command.Roles.Contains(Domain.Common.Roles.Admin))
            throw new DomainException("User.CannotRemoveOwnAdmin");

        // UserManager's store holds a DbContext; in a Blazor circuit the caller's scope lives as
        // long as the browser tab, so a fresh scope keeps this call to one current context.
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<XiheUser>>();
        var db = scope.ServiceProvider.GetRequiredService<XiheDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        var user = await db.Users.Include(u => u.SupervisedOffices).SingleOrDefaultAsync(u => u.Id == command.UserId, ct)
            ?? throw new DomainException("Admin.NotFound", command.UserId);
        if (user.ConcurrencyStamp != command.ConcurrencyStamp) throw new DomainException("Admin.StaleEdit", user.UserName ?? "");
        var wanted = command.SupervisedOfficeIds.Append(command.OfficeId ?? 0).Where(id => id != 0).Distinct().ToList();
        var offices = await db.Offices.Where(o => wanted.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        if (offices.Count != wanted.Count) throw new DomainException("Admin.NotFound", string.Join(",", wanted.Except(offices.Keys)));

        var current = await users.GetRolesAsync(user);
        Check(await users.RemoveFromRolesAsync(user, current.Except(command.Roles)));
        Check(await users.AddToRolesAsync(user, command.Roles.Except(current)));
        user.DisplayName = command.DisplayName.Trim();
        user.OfficeId = command.OfficeId;
        user.SupervisedOffices.Clear();
        user.SupervisedOffices.AddRange(command.SupervisedOfficeIds.Distinct().Select(id => offices[id]));
        Check(await users.UpdateAsync(user));
        // Roles and offices travel in the sign-in cookie; a new security stamp makes it refresh.
        Check(await users.UpdateSecurityStampAsync(user));

        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow().UtcDateTime, actor.UserId, actor.Name, "User.AccessChanged", "User", user.Id,
            details: $"{user.UserName}: roles={string.Join(',', command.Roles)}; office={command.OfficeId}; " +
                     $"supervises={string.Join(',', command.SupervisedOfficeIds)}"));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private static void Check(IdentityResult result)
    {
        if (result.Succeeded) return;
        // Identity reports a concurrent update as a failure rather than an exception.
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure))) throw new DomainException("Admin.StaleEdit", "");
        throw new DomainException("User.UpdateFailed", result.Errors.First().Description);
    }
}
