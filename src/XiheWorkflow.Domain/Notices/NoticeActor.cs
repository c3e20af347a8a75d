namespace XiheWorkflow.Domain.Notices;

/// <summary>Who acts on a notice, as the rules need to know them.</summary>
public sealed record NoticeActor(string UserId, string Name, IReadOnlySet<string> Roles, IReadOnlySet<int> SupervisedOfficeIds)
{
    public bool IsIn(string role) => Roles.Contains(role);
}

/// <summary>What a decision carries besides who and when.</summary>
public sealed record DecisionInput(string? Reason = null, DateOnly? MeetingDate = null, string? MinutesReference = null);
