using XiheWorkflow.Domain.Common;

namespace XiheWorkflow.Domain.Notices;

/// <summary>
/// The one transition table of DESIGN.md §3: (from, action, to, who). Guards that need the notice
/// (stage role, author, same person twice, reasons) are checked by <see cref="Notice.Check"/>.
/// </summary>
public static class NoticeWorkflow
{
    /// <summary>Who may take an action: the author, the current stage's role, or fixed roles.</summary>
    public enum Who { Author, CurrentStage, Roles, AuthorOrRoles, CorrectionStage }

    public sealed record Transition(NoticeState From, NoticeAction Action, NoticeState To, Who Who, params string[] Roles)
    {
        /// <summary>
        /// Approve moves to the next stage or, after the last one, to Approved; publishing a 公示
        /// opens its window (InPublicity) instead of Published.
        /// </summary>
        public bool ToIsComputed => Action is NoticeAction.Approve or NoticeAction.Publish;
    }

    public static readonly IReadOnlyList<Transition> Table =
    [
        new(NoticeState.Draft, NoticeAction.Submit, NoticeState.InReview, Who.Author, Roles.Staff),
        new(NoticeState.Returned, NoticeAction.Submit, NoticeState.InReview, Who.Author, Roles.Staff),
        new(NoticeState.InReview, NoticeAction.Approve, NoticeState.Approved, Who.CurrentStage),
        new(NoticeState.InReview, NoticeAction.Return, NoticeState.Returned, Who.CurrentStage),
        new(NoticeState.InReview, NoticeAction.Reject, NoticeState.Rejected, Who.CurrentStage),
        new(NoticeState.Approved, NoticeAction.Publish, NoticeState.Published, Who.Roles, Roles.DisclosureOfficer, Roles.System),
        new(NoticeState.Approved, NoticeAction.Schedule, NoticeState.Approved, Who.Roles, Roles.DisclosureOfficer),
        new(NoticeState.InPublicity, NoticeAction.CloseWindow, NoticeState.PublicityEnded, Who.Roles, Roles.System),
        new(NoticeState.InPublicity, NoticeAction.Extend, NoticeState.InPublicity, Who.Roles, Roles.DisclosureOfficer),
        new(NoticeState.PublicityEnded, NoticeAction.Conclude, NoticeState.Concluded, Who.Roles, Roles.DisclosureOfficer),
        new(NoticeState.Published, NoticeAction.Withdraw, NoticeState.Withdrawn, Who.Roles, Roles.DisclosureOfficer, Roles.LeadingGroup),
        new(NoticeState.InPublicity, NoticeAction.Withdraw, NoticeState.Withdrawn, Who.Roles, Roles.DisclosureOfficer, Roles.LeadingGroup),
        new(NoticeState.PublicityEnded, NoticeAction.Withdraw, NoticeState.Withdrawn, Who.Roles, Roles.DisclosureOfficer, Roles.LeadingGroup),
        // 更正: the published revision stays public while the correction passes its own short review.
        new(NoticeState.Published, NoticeAction.SubmitCorrection, NoticeState.Published, Who.AuthorOrRoles, Roles.DisclosureOfficer),
        new(NoticeState.InPublicity, NoticeAction.SubmitCorrection, NoticeState.InPublicity, Who.AuthorOrRoles, Roles.DisclosureOfficer),
        .. CorrectionDecisions(NoticeState.Published),
        .. CorrectionDecisions(NoticeState.InPublicity),
        // A window that closes while a correction is in review does not strand the correction.
        .. CorrectionDecisions(NoticeState.PublicityEnded),
        new(NoticeState.Published, NoticeAction.Clarify, NoticeState.Published, Who.Roles, Roles.DisclosureOfficer),
        new(NoticeState.InPublicity, NoticeAction.Clarify, NoticeState.InPublicity, Who.Roles, Roles.DisclosureOfficer),
        new(NoticeState.Published, NoticeAction.Renew, NoticeState.Published, Who.Roles, Roles.DisclosureOfficer),
        new(NoticeState.Published, NoticeAction.Expire, NoticeState.Expired, Who.Roles, Roles.DisclosureOfficer),
    ];

    private static Transition[] CorrectionDecisions(NoticeState state) =>
    [
        new(state, NoticeAction.ApproveCorrection, state, Who.CorrectionStage),
        new(state, NoticeAction.ReturnCorrection, state, Who.CorrectionStage),
        new(state, NoticeAction.RejectCorrection, state, Who.CorrectionStage),
    ];

    /// <summary>Decisions taken on a correction rather than on the notice's own review.</summary>
    public static bool IsCorrectionDecision(NoticeAction action) =>
        action is NoticeAction.ApproveCorrection or NoticeAction.ReturnCorrection or NoticeAction.RejectCorrection;

    public static Transition? Find(NoticeState from, NoticeAction action) =>
        Table.FirstOrDefault(t => t.From == from && t.Action == action);

    /// <summary>Actions that need a written reason (审核意见 / 理由).</summary>
    public static bool NeedsReason(NoticeAction action) =>
        action is NoticeAction.Return or NoticeAction.Reject or NoticeAction.Withdraw or NoticeAction.Extend or NoticeAction.Conclude
            or NoticeAction.ReturnCorrection or NoticeAction.RejectCorrection
            or NoticeAction.Clarify or NoticeAction.Expire;

    /// <summary>States a person may still edit the content in.</summary>
    public static bool IsEditable(NoticeState state) => state is NoticeState.Draft or NoticeState.Returned;

    /// <summary>States in which the notice is visible to the public (the public pages, the API, the feed and every channel).</summary>
    public static readonly NoticeState[] PublicStates =
        [NoticeState.Published, NoticeState.InPublicity, NoticeState.PublicityEnded, NoticeState.Concluded];

    /// <summary>States in which the notice is visible to the public.</summary>
    public static bool IsPublic(NoticeState state) => PublicStates.Contains(state);
}
