namespace XiheWorkflow.Domain.Notices;

/// <summary>The states of DESIGN.md §3 (stored by name).</summary>
public enum NoticeState
{
    Draft, InReview, Approved, Published, InPublicity, PublicityEnded, Concluded,
    Returned, Rejected, Withdrawn, Expired,
}

/// <summary>What a person (or the scheduler) does to a notice.</summary>
public enum NoticeAction
{
    Submit, Approve, Return, Reject, Publish, Withdraw, Schedule, CloseWindow, Extend, Conclude,
    /// <summary>更正: submit a correction of the published text to the correction workflow.</summary>
    SubmitCorrection,
    /// <summary>Decisions on a correction in review; the last approval publishes it.</summary>
    ApproveCorrection, ReturnCorrection, RejectCorrection,
    /// <summary>说明: a clarification published beside the notice.</summary>
    Clarify,
    /// <summary>定期审查: 继续有效 moves the review date on; 已失效 takes the notice off the public pages.</summary>
    Renew, Expire,
    /// <summary>
    /// 公示期重算: Admin entered or corrected a year's holiday arrangement and the open window was
    /// counted again. Not a decision anyone takes, so not in <see cref="NoticeWorkflow.Table"/>.
    /// </summary>
    RecomputeWindow,
}

/// <summary>How a publicity window closed (公示结果).</summary>
public enum PublicityOutcome { NoObjection, Objection }
