namespace XiheWorkflow.Domain.Notices;

/// <summary>An immutable snapshot frozen at submit (v1, v2 …).</summary>
public class NoticeRevision
{
    public int Id { get; private set; }
    public int NoticeId { get; private set; }
    public int Number { get; private set; }
    public NoticeContent Content { get; private set; } = new();
    public DateTime FrozenAtUtc { get; private set; }
    public string AuthorId { get; private set; } = "";

    private NoticeRevision() { }

    internal NoticeRevision(int number, NoticeContent content, DateTime frozenAtUtc, string authorId)
    {
        Number = number;
        Content = content;
        FrozenAtUtc = frozenAtUtc;
        AuthorId = authorId;
    }
}

/// <summary>One step of a notice's history: who did what, when, to which revision, and why.</summary>
public class NoticeEvent
{
    public int Id { get; private set; }
    public int NoticeId { get; private set; }
    /// <summary>Order of the step within its notice (1, 2 …), independent of clock resolution.</summary>
    public int Sequence { get; private set; }
    public DateTime AtUtc { get; private set; }
    public string ActorId { get; private set; } = "";
    public string ActorName { get; private set; } = "";
    /// <summary>代理审核: the reviewer whose stage the actor decided on their behalf.</summary>
    public string? OnBehalfOfId { get; private set; }
    public string? OnBehalfOfName { get; private set; }
    public NoticeAction Action { get; private set; }
    public NoticeState FromState { get; private set; }
    public NoticeState ToState { get; private set; }
    /// <summary>1-based stage the decision was taken at, when it was a review decision.</summary>
    public int? Stage { get; private set; }
    public string? StageRole { get; private set; }
    public int? Revision { get; private set; }
    public string? Reason { get; private set; }
    public DateOnly? MeetingDate { get; private set; }
    public string? MinutesReference { get; private set; }

    private NoticeEvent() { }

    internal NoticeEvent(int sequence, DateTime atUtc, NoticeActor actor, NoticeAction action, NoticeState from, NoticeState to,
        int? stage, string? stageRole, int? revision, DecisionInput input, NoticeActor? onBehalfOf = null)
    {
        OnBehalfOfId = onBehalfOf?.UserId;
        OnBehalfOfName = onBehalfOf?.Name;
        Sequence = sequence;
        AtUtc = atUtc;
        ActorId = actor.UserId;
        ActorName = actor.Name;
        Action = action;
        FromState = from;
        ToState = to;
        Stage = stage;
        StageRole = stageRole;
        Revision = revision;
        Reason = string.IsNullOrWhiteSpace(input.Reason) ? null : input.Reason.Trim();
        MeetingDate = input.MeetingDate;
        MinutesReference = string.IsNullOrWhiteSpace(input.MinutesReference) ? null : input.MinutesReference.Trim();
    }

    /// <summary>The actor as the timeline shows them: "张三（代李四审核）" for a decision on someone's behalf.</summary>
    public static string DisplayName(string actorName, string? onBehalfOfName) =>
        onBehalfOfName is null ? actorName : $"{actorName}（代{onBehalfOfName}审核）";
}
