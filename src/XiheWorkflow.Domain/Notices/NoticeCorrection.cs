namespace XiheWorkflow.Domain.Notices;

/// <summary>Where a correction (更正) stands: drafted, in its own short review, or done.</summary>
public enum CorrectionStatus { Draft, InReview, Returned, Rejected, Published }

/// <summary>
/// 更正: a corrected text of a published notice with its 更正说明. It passes the correction workflow
/// (the disclosure officer by default) while the published revision stays public; when approved
/// it becomes the notice's next revision and the 更正说明 is shown with it.
/// </summary>
public class NoticeCorrection
{
    public int Id { get; private set; }
    public int NoticeId { get; private set; }
    /// <summary>1, 2 … within the notice.</summary>
    public int Number { get; private set; }
    public CorrectionStatus Status { get; private set; }
    /// <summary>更正说明: what was wrong and what changed, shown to the public with the corrected text.</summary>
    public string Note { get; private set; } = "";
    /// <summary>实质性更正: a change of substance; during publicity it restarts the window (重新公示).</summary>
    public bool Material { get; private set; }
    public NoticeContent Content { get; private set; } = new();
    public string AuthorId { get; private set; } = "";
    public string AuthorName { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }
    public DateTime? SubmittedAtUtc { get; private set; }
    /// <summary>Stages copied from the correction workflow at submit.</summary>
    public List<WorkflowStage> Stages { get; private set; } = [];
    public int StageIndex { get; private set; }
    /// <summary>The reviewers of the current round, so that nobody decides two stages of one round.</summary>
    public List<string> DeciderIds { get; private set; } = [];
    public string? LastDecisionReason { get; private set; }
    /// <summary>The notice revision this correction became, once published.</summary>
    public int? Revision { get; private set; }
    public DateTime? PublishedAtUtc { get; private set; }
    /// <summary>Whether publishing it restarted the publicity window.</summary>
    public bool WindowRestarted { get; private set; }

    private NoticeCorrection() { }

    internal NoticeCorrection(int number, NoticeContent content, string note, bool material, NoticeActor author, DateTime nowUtc)
    {
        Number = number;
        Status = CorrectionStatus.Draft;
        AuthorId = author.UserId;
        AuthorName = author.Name;
        CreatedAtUtc = nowUtc;
        Edit(content, note, material, nowUtc);
    }

    public bool IsOpen => Status is CorrectionStatus.Draft or CorrectionStatus.InReview or CorrectionStatus.Returned;

    public bool IsEditable => Status is CorrectionStatus.Draft or CorrectionStatus.Returned;

    public WorkflowStage? CurrentStage => Status == CorrectionStatus.InReview && StageIndex < Stages.Count ? Stages[StageIndex] : null;

    internal void Edit(NoticeContent content, string note, bool material, DateTime nowUtc)
    {
        Content = content;
        Note = note.Trim();
        Material = material;
        UpdatedAtUtc = nowUtc;
    }

    internal void Submit(IReadOnlyList<WorkflowStage> stages, DateTime nowUtc)
    {
        Stages = [.. stages];
        StageIndex = 0;
        DeciderIds = [];
        Status = CorrectionStatus.InReview;
        SubmittedAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
    }

    /// <summary>Moves to the next stage; true when the last stage approved it.</summary>
    internal bool Approve(NoticeActor actor, DateTime nowUtc, NoticeActor? onBehalfOf = null)
    {
        // 代理审核: the delegator counts as having decided too, so neither decides another stage.
        DeciderIds = onBehalfOf is null ? [.. DeciderIds, actor.UserId] : [.. DeciderIds, actor.UserId, onBehalfOf.UserId];
        UpdatedAtUtc = nowUtc;
        if (StageIndex < Stages.Count - 1)
        {
            StageIndex++;
            return false;
        }
        return true;
    }

    internal void Return(string reason, DateTime nowUtc)
    {
        Status = CorrectionStatus.Returned;
        LastDecisionReason = reason.Trim();
        UpdatedAtUtc = nowUtc;
    }

    internal void Reject(string reason, DateTime nowUtc)
    {
        Status = CorrectionStatus.Rejected;
        LastDecisionReason = reason.Trim();
        UpdatedAtUtc = nowUtc;
    }

    internal void Publish(int revision, bool windowRestarted, DateTime nowUtc)
    {
        Status = CorrectionStatus.Published;
        Revision = revision;
        WindowRestarted = windowRestarted;
        PublishedAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
    }
}

/// <summary>说明: a clarification the disclosure officer publishes beside a notice, without changing its text.</summary>
public class NoticeClarification
{
    public int Id { get; private set; }
    public int NoticeId { get; private set; }
    public string Text { get; private set; } = "";
    public DateTime AtUtc { get; private set; }
    public string ActorId { get; private set; } = "";
    public string ActorName { get; private set; } = "";

    private NoticeClarification() { }

    internal NoticeClarification(string text, NoticeActor actor, DateTime atUtc)
    {
        Text = text.Trim();
        AtUtc = atUtc;
        ActorId = actor.UserId;
        ActorName = actor.Name;
    }
}
