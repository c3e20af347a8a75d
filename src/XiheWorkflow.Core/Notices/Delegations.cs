using FluentValidation;
using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Admin;
using XiheWorkflow.Core.Auditing;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;

namespace XiheWorkflow.Core.Notices;

/// <summary>A delegation as the 代理审核设置 page and 系统管理 list it.</summary>
public record DelegationView(int Id, string DelegatorId, string DelegatorName, string DelegateId, string DelegateName, string Role,
    DateOnly FromDate, DateOnly ToDate, string CreatedByName, DateTime CreatedAtUtc, DateTime? RevokedAtUtc, string? RevokedByName,
    bool IsActiveToday, bool CanRevoke, bool Ended);

/// <summary>Someone the delegation form offers as a delegate: another holder of the role.</summary>
public record DelegateOption(string UserId, string Name, string Role);

/// <summary>
/// 代理审核: a reviewer who is away lets another holder of the same role decide their stages for a
/// period. The delegator sets it for themselves (for a role that can be a review stage), Admin for
/// anyone; created and revoked in the audit chain.
/// </summary>
public class CreateDelegation(IDbContextFactory<XiheDbContext> contexts, TimeProvider clock)
{
    public record Command(string? DelegatorId, string? DelegateId, string? Role, DateOnly? FromDate, DateOnly? ToDate);

    public class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Role).NotEmpty().WithErrorCode("Delegation.RoleRequired");
            RuleFor(c => c.DelegateId).NotEmpty().WithErrorCode("Delegation.DelegateRequired");
            RuleFor(c => c.DelegateId).NotEqual(c => c.DelegatorId).When(c => !string.IsNullOrEmpty(c.DelegateId))
                .WithErrorCode("Delegation.SelfDelegate");
            RuleFor(c => c.FromDate).NotNull().WithErrorCode("Delegation.FromRequired");
            RuleFor(c => c.ToDate).NotNull().WithErrorCode("Delegation.ToRequired");
            RuleFor(c => c.ToDate).GreaterThanOrEqualTo(c => c.FromDate).When(c => c.FromDate is not null && c.ToDate is not null)
                .WithErrorCode("Delegation.EndBeforeStart").WithState(_ => Array.Empty<object>());
            RuleFor(c => c.ToDate).Must((c, to) => to!.Value.DayNumber - c.FromDate!.Value.DayNumber + 1 <= ReviewDelegation.MaxDays)
                .When(c => c.FromDate is not null && c.ToDate is not null && c.ToDate >= c.FromDate)
                .WithErrorCode("Delegation.TooLong").WithState(_ => new object[] { ReviewDelegation.MaxDays });
        }
    }

    public async Task<int> HandleAsync(Command command, Actor actor, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = ChinaTime.DateOf(now);
        try
        {
            // The delegator is the person themselves unless Admin sets it for someone.
            var delegatorId = string.IsNullOrEmpty(command.DelegatorId) ? actor.UserId : command.DelegatorId;
            if (delegatorId != actor.UserId && !actor.IsIn(Roles.Admin)) throw new DomainException("Delegation.OnlyOwnOrAdmin");
            command = command with { DelegatorId = delegatorId };
            new Validator().ThrowIfInvalid(command);
            var role = command.Role!;
            if (!ReviewDelegation.StageRoles.Contains(role)) throw new DomainException("Delegation.RoleNotReviewing", Roles.Label(role));

            var delegator = await db.Users.AsNoTracking().Where(u => u.Id == delegatorId).Select(u => new { u.Id, u.DisplayName }).SingleOrDefaultAsync(ct)
                ?? throw new DomainException("Delegation.UserNotFound");
            if (!await HasRoleAsync(db, delegator.Id, role, ct)) throw new DomainException("Delegation.DelegatorLacksRole", Roles.Label(role));
            var delegateUser = await db.Users.AsNoTracking().Where(u => u.Id == command.DelegateId).Select(u => new { u.Id, u.DisplayName }).SingleOrDefaultAsync(ct)
                ?? throw new DomainException("Delegation.UserNotFound");
            if (!await HasRoleAsync(db, delegateUser.Id, role, ct)) throw new DomainException("Delegation.DelegateLacksRole", delegateUser.DisplayName, Roles.Label(role));

            var delegation = ReviewDelegation.Create(delegator.Id, delegator.DisplayName, delegateUser.Id, delegateUser.DisplayName, role,
                command.FromDate!.Value, command.ToDate!.Value, actor.UserId, actor.Name, now);

            var live = await db.ReviewDelegations.Where(d => d.Role == role && d.RevokedAtUtc == null && d.ToDate >= today
                && (d.DelegatorId == delegator.Id || d.DelegatorId == delegateUser.Id || d.DelegateId == delegator.Id)).ToListAsync(ct);
            if (live.FirstOrDefault(d => d.DelegatorId == delegator.Id && d.Overlaps(delegation.FromDate, delegation.ToDate)) is { } overlap)
                throw new DomainException("Delegation.Overlaps", overlap.DelegateName, ChinaTime.ChineseDate(overlap.FromDate), ChinaTime.ChineseDate(overlap.ToDate));
            // No chains: what was delegated to someone is not theirs to pass on, and a delegate who is
            // away themselves cannot be given more.
            if (live.Any(d => d.DelegateId == delegator.Id && d.Overlaps(delegation.FromDate, delegation.ToDate)))
                throw new DomainException("Delegation.NoChainFromDelegate");
            if (live.Any(d => d.DelegatorId == delegateUser.Id && d.Overlaps(delegation.FromDate, delegation.ToDate)))
                throw new DomainException("Delegation.DelegateAway", delegateUser.DisplayName);

            db.ReviewDelegations.Add(delegation);
            await db.SaveChangesAsync(ct);
            db.AuditEntries.Add(new AuditEntry(now, actor.UserId, actor.Name, "Delegation.Created", "Delegation", delegation.Id.ToString(),
                details: Describe(delegation)));
            await db.SaveChangesAsync(ct);
            return delegation.Id;
        }
        catch (DomainException e)
        {
            await using var audit = await contexts.CreateDbContextAsync(ct);
            audit.AuditEntries.Add(new AuditEntry(now, actor.UserId, actor.Name, "Delegation.Refused", "Delegation", null, reason: e.Code,
                details: $"create: delegator={command.DelegatorId}; delegate={command.DelegateId}; role={command.Role}; {command.FromDate:yyyy-MM-dd}..{command.ToDate:yyyy-MM-dd}"));
            await audit.SaveChangesAsync(ct);
            throw;
        }
    }

    internal static string Describe(ReviewDelegation d) =>
        $"{d.DelegatorName}({d.DelegatorId}) → {d.DelegateName}({d.DelegateId}); role={d.Role}; {d.FromDate:yyyy-MM-dd}..{d.ToDate:yyyy-MM-dd}";

    private static Task<bool> HasRoleAsync(XiheDbContext db, string userId, string role, CancellationToken ct) =>
        (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == userId && r.Name == role select ur).AnyAsync(ct);
}

/// <summary>Ends a delegation now (the delegator or Admin); audited.</summary>
public class RevokeDelegation(IDbContextFactory<XiheDbContext> contexts, TimeProvider clock)
{
    public async Task HandleAsync(int delegationId, Actor actor, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            var d = await db.ReviewDelegations.SingleOrDefaultAsync(x => x.Id == delegationId, ct)
                ?? throw new DomainException("Delegation.NotFound");
            if (d.DelegatorId != actor.UserId && !actor.IsIn(Roles.Admin)) throw new DomainException("Delegation.OnlyOwnOrAdmin");
            d.Revoke(actor.Name, now);
            db.AuditEntries.Add(new AuditEntry(now, actor.UserId, actor.Name, "Delegation.Revoked", "Delegation", d.Id.ToString(),
                details: CreateDelegation.Describe(d)));
            await db.SaveChangesAsync(ct);
        }
        catch (DomainException e)
        {
            await using var audit = await contexts.CreateDbContextAsync(ct);
            audit.AuditEntries.Add(new AuditEntry(now, actor.UserId, actor.Name, "Delegation.Refused", "Delegation", delegationId.ToString(),
                reason: e.Code, details: "revoke"));
            await audit.SaveChangesAsync(ct);
            throw;
        }
    }
}

public class DelegationQueries(IDbContextFactory<XiheDbContext> contexts, TimeProvider clock)
{
    /// <summary>
    /// Delegations this person gave or received (Admin: everyone's), current and future first, then
    /// the last ended or revoked ones.
    /// </summary>
    public async Task<IReadOnlyList<DelegationView>> ListAsync(Actor actor, bool all = false, CancellationToken ct = default)
    {
        if (all) actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var today = ChinaTime.DateOf(clock.GetUtcNow().UtcDateTime);
        var query = db.ReviewDelegations.AsNoTracking();
        if (!all) query = query.Where(d => d.DelegatorId == actor.UserId || d.DelegateId == actor.UserId);
        var rows = await query.OrderByDescending(d => d.Id).Take(200).ToListAsync(ct);
        return rows.OrderByDescending(d => d.IsCurrentOrFuture(today)).ThenBy(d => d.FromDate).ThenByDescending(d => d.Id)
            .Select(d => new DelegationView(d.Id, d.DelegatorId, d.DelegatorName, d.DelegateId, d.DelegateName, d.Role, d.FromDate, d.ToDate,
                d.CreatedByName, d.CreatedAtUtc, d.RevokedAtUtc, d.RevokedByName, d.IsActiveOn(today),
                d.IsCurrentOrFuture(today) && (d.DelegatorId == actor.UserId || actor.IsIn(Roles.Admin)), d.ToDate < today))
            .ToList();
    }

    /// <summary>The review roles this person holds that can be delegated, and for each the other holders.</summary>
    public async Task<IReadOnlyList<DelegateOption>> CandidatesAsync(Actor actor, string? forUserId = null, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var userId = forUserId ?? actor.UserId;
        var stageRoles = ReviewDelegation.StageRoles.ToArray();
        var holders = await (from ur in db.UserRoles
                             join r in db.Roles on ur.RoleId equals r.Id
                             join u in db.Users on ur.UserId equals u.Id
                             where stageRoles.Contains(r.Name!)
                             select new { u.Id, u.DisplayName, Role = r.Name! }).ToListAsync(ct);
        var mine = holders.Where(h => h.Id == userId).Select(h => h.Role).ToHashSet();
        return holders.Where(h => h.Id != userId && mine.Contains(h.Role))
            .OrderBy(h => ReviewDelegation.StageRoles.ToList().IndexOf(h.Role)).ThenBy(h => h.DisplayName)
            .Select(h => new DelegateOption(h.Id, h.DisplayName, h.Role)).ToList();
    }

    /// <summary>The review roles this person holds (the roles they could delegate).</summary>
    public static IReadOnlyList<string> DelegableRoles(Actor actor) => ReviewDelegation.StageRoles.Where(actor.IsIn).ToList();
}
