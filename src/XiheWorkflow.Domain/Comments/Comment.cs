using XiheWorkflow.Domain.Common;

namespace XiheWorkflow.Domain.Comments;

public enum CommentSource { Phone, Letter, Visit, Mailbox, Online, WeChat }

public enum CommentKind { Suggestion, Objection, Inquiry, Report }

public enum CommentStatus { Pending, Answered, Adopted, NotAdopted }

/// <summary>
/// 意见反馈 on a notice, from any channel. The commenter's name and contact are personal data:
/// staff see them, public pages never do, and a 举报 (report of misconduct) names its author to
/// the disclosure officer alone.
/// </summary>
public class Comment
{
    public const int MaxContent = 2000;

    public int Id { get; private set; }
    public int NoticeId { get; private set; }
    public CommentSource Source { get; private set; }
    public CommentKind Kind { get; private set; }
    public string Content { get; private set; } = "";
    public string? CommenterName { get; private set; }
    public string? CommenterContact { get; private set; }
    public DateTime ReceivedAtUtc { get; private set; }
    public string? RecordedById { get; private set; }
    public string RecordedByName { get; private set; } = "";
    public CommentStatus Status { get; private set; }
    public string? Answer { get; private set; }
    public string? AnsweredById { get; private set; }
    public string? AnsweredByName { get; private set; }
    public DateTime? AnsweredAtUtc { get; private set; }
    /// <summary>The revision that took the comment in (已采纳).</summary>
    public int? AdoptedRevision { get; private set; }
    public int Version { get; private set; }

    private Comment() { }

    public static Comment Record(int noticeId, CommentSource source, CommentKind kind, string content, string? name, string? contact,
        DateTime receivedAtUtc, string? recordedById, string recordedByName)
    {
        content = content?.Trim() ?? "";
        if (content.Length == 0) throw new DomainException("Comment.ContentRequired");
        if (content.Length > MaxContent) throw new DomainException("Comment.ContentTooLong", MaxContent);
        if (name?.Trim().Length > 50) throw new DomainException("Comment.NameTooLong", 50);
        if (contact?.Trim().Length > 100) throw new DomainException("Comment.ContactTooLong", 100);
        return new Comment
        {
            NoticeId = noticeId, Source = source, Kind = kind, Content = content,
            CommenterName = string.IsNullOrWhiteSpace(name) ? null : name.Trim(),
            CommenterContact = string.IsNullOrWhiteSpace(contact) ? null : contact.Trim(),
            ReceivedAtUtc = receivedAtUtc, RecordedById = recordedById, RecordedByName = recordedByName,
            Status = CommentStatus.Pending,
        };
    }

    public bool IsOpen => Status == CommentStatus.Pending;

    public bool IsOpenObjection => IsOpen && Kind == CommentKind.Objection;

    /// <summary>答复 / 已采纳 / 不予采纳: an answer is always written; adoption names the revision that took it in.</summary>
    public void Respond(CommentStatus outcome, string answer, int? adoptedRevision, string actorId, string actorName, DateTime nowUtc)
    {
        if (!IsOpen) throw new DomainException("Comment.AlreadyAnswered");
        if (outcome == CommentStatus.Pending) throw new DomainException("Comment.OutcomeRequired");
        if (string.IsNullOrWhiteSpace(answer)) throw new DomainException("Comment.AnswerRequired");
        if (answer.Trim().Length > MaxContent) throw new DomainException("Comment.ContentTooLong", MaxContent);
        if (outcome == CommentStatus.Adopted && adoptedRevision is null) throw new DomainException("Comment.AdoptedRevisionRequired");
        Status = outcome;
        Answer = answer.Trim();
        AdoptedRevision = outcome == CommentStatus.Adopted ? adoptedRevision : null;
        AnsweredById = actorId;
        AnsweredByName = actorName;
        AnsweredAtUtc = nowUtc;
        Version++;
    }
}
