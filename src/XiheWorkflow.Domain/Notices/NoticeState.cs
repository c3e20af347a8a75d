namespace XiheWorkflow.Domain.Notices;

/// <summary>The states of DESIGN.md §3 (stored by name).</summary>
public enum NoticeState
{
    Draft, InReview, Approved, Published, InPublicity, PublicityEnded, Concluded,
    Returned, Rejected, Withdrawn, Expired,
}

/// <summary>What a person (or the scheduler) does to a notice.</summary>
public enum NoticeAction { Submit, Approve, Return, Reject, Publish, Withdraw, Schedule, CloseWindow, Extend, Conclude }

/// <summary>How a publicity window closed (公示结果).</summary>
public enum PublicityOutcome { NoObjection, Objection }
