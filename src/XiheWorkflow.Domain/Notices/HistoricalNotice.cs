using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Reporting;

namespace XiheWorkflow.Domain.Notices;

/// <summary>
/// A notice published before the system existed, taken from an old ledger (INTERFACES.md §4). It
/// is the historical record only: published on <see cref="PublishedOn"/>, expired from
/// <see cref="RepealedOn"/>, posted on its channels on the day it was published, and it never
/// passes through the review pipeline — which is why it is not a <see cref="Notice"/>.
/// </summary>
public class HistoricalNotice
{
    public int Id { get; private set; }
    public string Reference { get; private set; } = "";
    public string Title { get; private set; } = "";
    public int OfficeId { get; private set; }
    public int CategoryId { get; private set; }
    public NoticeKind Kind { get; private set; }
    public List<Channel> Channels { get; private set; } = [];
    public ContentForm? Form { get; private set; }
    public ContentOrigin? Origin { get; private set; }
    public DateOnly PublishedOn { get; private set; }
    public DateOnly? RepealedOn { get; private set; }
    public DateTime ImportedAtUtc { get; private set; }

    private HistoricalNotice() { }

    public HistoricalNotice(string reference, string title, int officeId, int categoryId, NoticeKind kind, IEnumerable<Channel> channels,
        ContentForm? form, ContentOrigin? origin, DateOnly publishedOn, DateOnly? repealedOn, DateTime importedAtUtc)
    {
        if (string.IsNullOrWhiteSpace(reference)) throw new DomainException("HistoricalNotice.ReferenceRequired");
        if (repealedOn < publishedOn) throw new DomainException("HistoricalNotice.RepealedBeforePublished", repealedOn!.Value.ToString("yyyy-MM-dd"), publishedOn.ToString("yyyy-MM-dd"));
        Reference = reference.Trim();
        Title = title.Trim();
        OfficeId = officeId;
        CategoryId = categoryId;
        Kind = kind;
        Channels = channels.Distinct().ToList();
        Form = form;
        Origin = origin;
        PublishedOn = publishedOn;
        RepealedOn = repealedOn;
        ImportedAtUtc = DateTime.SpecifyKind(importedAtUtc, DateTimeKind.Utc);
    }

    public NoticeState StateOn(DateOnly day) => RepealedOn is { } r && r <= day ? NoticeState.Expired : NoticeState.Published;

    /// <summary>Keys its postings apart from live notices', which are keyed by their id.</summary>
    public string PostingKey => "imported:" + Reference;

    public NoticeRecord ToRecord() => new(Kind, PublishedOn, RepealedOn);

    public IEnumerable<ChannelPosting> Postings() => Channels.Select(c => new ChannelPosting(PostingKey, c, PublishedOn, Form, Origin));
}
