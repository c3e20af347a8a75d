using XiheWorkflow.Domain.Common;

namespace XiheWorkflow.Domain.Notices;

/// <summary>
/// 代理审核: a reviewer who is away lets another holder of the same role decide their stages for a
/// period of Shanghai days (both ends included). The delegate acts "on behalf of" the delegator;
/// every other guard still holds for both. Rules that need other records (the delegate's roles and
/// state, overlaps, chains) are checked by the use case; the period and the people here.
/// </summary>
public class ReviewDelegation
{
    /// <summary>The longest period one delegation may cover, in days.</summary>
    public const int MaxDays = 90;

    /// <summary>Roles that can be review stages (a workflow template allows every role but 经办人 and 系统管理员).</summary>
    public static readonly IReadOnlyList<string> StageRoles =
        [Roles.SupervisingLeader, Roles.DisclosureOfficer, Roles.LeadingGroup, Roles.OfficeHead];

    public int Id { get; private set; }
    public string DelegatorId { get; private set; } = "";
    public string DelegatorName { get; private set; } = "";
    public string DelegateId { get; private set; } = "";
    public string DelegateName { get; private set; } = "";
    public string Role { get; private set; } = "";
    public DateOnly FromDate { get; private set; }
    public DateOnly ToDate { get; private set; }
    public string? CreatedById { get; private set; }
    public string CreatedByName { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime? RevokedAtUtc { get; private set; }
    public string? RevokedByName { get; private set; }

    private ReviewDelegation() { }

    public static ReviewDelegation Create(string delegatorId, string delegatorName, string delegateId, string delegateName, string role,
        DateOnly from, DateOnly to, string? createdById, string createdByName, DateTime nowUtc)
    {
        if (!StageRoles.Contains(role)) throw new DomainException("Delegation.RoleNotReviewing", Roles.Label(role));
        if (delegatorId == delegateId) throw new DomainException("Delegation.SelfDelegate");
        var today = ChinaTime.DateOf(nowUtc);
        if (from < today) throw new DomainException("Delegation.InPast");
        if (to < from) throw new DomainException("Delegation.EndBeforeStart");
        if (to.DayNumber - from.DayNumber + 1 > MaxDays) throw new DomainException("Delegation.TooLong", MaxDays);
        return new ReviewDelegation
        {
            DelegatorId = delegatorId, DelegatorName = delegatorName, DelegateId = delegateId, DelegateName = delegateName,
            Role = role, FromDate = from, ToDate = to, CreatedById = createdById, CreatedByName = createdByName, CreatedAtUtc = nowUtc,
        };
    }

    public bool IsActiveOn(DateOnly day) => RevokedAtUtc is null && FromDate <= day && day <= ToDate;

    /// <summary>Not revoked and not yet over: it counts for overlaps and chains, and may be revoked.</summary>
    public bool IsCurrentOrFuture(DateOnly today) => RevokedAtUtc is null && ToDate >= today;

    public bool Overlaps(DateOnly from, DateOnly to) => FromDate <= to && from <= ToDate;

    public void Revoke(string byName, DateTime nowUtc)
    {
        if (RevokedAtUtc is not null) throw new DomainException("Delegation.AlreadyRevoked");
        if (ToDate < ChinaTime.DateOf(nowUtc)) throw new DomainException("Delegation.Ended");
        RevokedAtUtc = nowUtc;
        RevokedByName = byName;
    }
}
