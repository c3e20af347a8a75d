using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;
using XiheWorkflow.Domain.Reporting;

namespace XiheWorkflow.Domain.Channels;

public enum PostingStatus { Posted, NotNeeded }

/// <summary>
/// What happened to one published notice on one of its channels: posted (who, on which day, the
/// link or a photo of the notice board) or not needed (why). One record per notice and channel, so
/// the report counts a notice once per channel by construction.
/// </summary>
public class NoticePosting
{
    public int Id { get; private set; }
    public int NoticeId { get; private set; }
    public Channel Channel { get; private set; }
    public PostingStatus Status { get; private set; }
    /// <summary>The revision whose text went out: the latest approved one when it was recorded.</summary>
    public int Revision { get; private set; }
    /// <summary>The Shanghai date it went out; the report counts it in this date's year.</summary>
    public DateOnly? PostedOn { get; private set; }
    public string? Link { get; private set; }
    public AttachmentRef? Photo { get; private set; }
    public ContentForm? Form { get; private set; }
    public ContentOrigin? Origin { get; private set; }
    public string? Reason { get; private set; }
    public string ActorId { get; private set; } = "";
    public string ActorName { get; private set; } = "";
    public DateTime RecordedAtUtc { get; private set; }

    private NoticePosting() { }

    public static NoticePosting Posted(int noticeId, Channel channel, int revision, DateOnly postedOn, string? link, AttachmentRef? photo,
        ContentForm? form, ContentOrigin? origin, string actorId, string actorName, DateTime nowUtc)
    {
        if (postedOn > ChinaTime.DateOf(nowUtc)) throw new DomainException("Posting.InFuture");
        if (channel == Channel.WeChat && (form is null || origin is null)) throw new DomainException("Posting.WeChatNeedsFormAndOrigin");
        link = string.IsNullOrWhiteSpace(link) ? null : link.Trim();
        if (link is not null && !(Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            throw new DomainException("Posting.LinkInvalid");
        return new NoticePosting
        {
            NoticeId = noticeId, Channel = channel, Status = PostingStatus.Posted, Revision = revision, PostedOn = postedOn,
            Link = link, Photo = photo,
            Form = channel == Channel.WeChat ? form : null, Origin = channel == Channel.WeChat ? origin : null,
            ActorId = actorId, ActorName = actorName, RecordedAtUtc = nowUtc,
        };
    }

    public static NoticePosting NotNeeded(int noticeId, Channel channel, int revision, string? reason, string actorId, string actorName, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("Posting.ReasonRequired");
        return new NoticePosting
        {
            NoticeId = noticeId, Channel = channel, Status = PostingStatus.NotNeeded, Revision = revision, Reason = reason.Trim(),
            ActorId = actorId, ActorName = actorName, RecordedAtUtc = nowUtc,
        };
    }

    /// <summary>Live notices are keyed by id, apart from imported ones ("imported:" + reference).</summary>
    public static string KeyOf(int noticeId) => "notice:" + noticeId;

    /// <summary>The report's view of it; a channel marked not needed is not a posting.</summary>
    public ChannelPosting? ToReportPosting() =>
        Status == PostingStatus.Posted && PostedOn is { } on ? new ChannelPosting(KeyOf(NoticeId), Channel, on, Form, Origin) : null;
}
