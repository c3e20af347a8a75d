namespace XiheWorkflow.Domain.Notices;

/// <summary>Who acts on a notice, as the rules need to know them.</summary>
public sealed record NoticeActor(string UserId, string Name, IReadOnlySet<string> Roles, IReadOnlySet<int> SupervisedOfficeIds)
{
    /// <summary>The background sweeper, acting only where the table names <see cref="Common.Roles.System"/>.</summary>
    public static NoticeActor Scheduler { get; } = new("system", "系统", new HashSet<string> { Common.Roles.System }, new HashSet<int>());

    /// <summary>
    /// 代理审核: the people whose stages this person may decide today on their behalf, each with only
    /// the delegated role and the offices they supervise.
    /// </summary>
    public IReadOnlyList<NoticeActor> Delegators { get; init; } = [];

    public bool IsIn(string role) => Roles.Contains(role);
}

/// <summary>What a decision carries besides who and when.</summary>
/// <param name="ScheduledAtUtc">定时发布: when the scheduler is to publish.</param>
/// <param name="ExtendTo">延长公示: the new last day of the window.</param>
/// <param name="OpenObjections">Objections still open when a window closes (the comments area counts them).</param>
/// <param name="Publicity">The rule and calendar a 公示 is published, extended or restarted under.</param>
/// <param name="ReviewMonths">定期审查: months from publication (or renewal) to the next review; 0 for none.</param>
/// <param name="CorrectionStages">The correction workflow's stages, when a correction is submitted.</param>
public sealed record DecisionInput(string? Reason = null, DateOnly? MeetingDate = null, string? MinutesReference = null,
    DateTime? ScheduledAtUtc = null, DateOnly? ExtendTo = null, int OpenObjections = 0, Publicity.PublicityTerms? Publicity = null,
    int ReviewMonths = 0, IReadOnlyList<WorkflowStage>? CorrectionStages = null);
