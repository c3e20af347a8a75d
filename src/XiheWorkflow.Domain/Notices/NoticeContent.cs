namespace XiheWorkflow.Domain.Notices;

/// <summary>
/// The part of a notice an author writes. A revision freezes one of these; decisions judge a
/// revision, never the live draft.
/// </summary>
public sealed record NoticeContent
{
    public string Title { get; init; } = "";
    /// <summary>Sanitized HTML (headings, paragraphs, lists, bold, tables).</summary>
    public string BodyHtml { get; init; } = "";
    public int CategoryId { get; init; }
    public int OfficeId { get; init; }
    public NoticeKind Kind { get; init; }
    public List<Channel> Channels { get; init; } = [];
    public ContentForm Form { get; init; }
    public ContentOrigin Origin { get; init; }
    public string LegalBasis { get; init; } = "";
    public string? DocumentNumber { get; init; }
    public DateOnly? FormedOn { get; init; }
    public List<AttachmentRef> Attachments { get; init; } = [];
    /// <summary>公示期 the author chose, in the category's unit; null keeps the category's (never shorter).</summary>
    public int? PublicityDays { get; init; }

    public bool Equals(NoticeContent? other) =>
        other is not null && Title == other.Title && BodyHtml == other.BodyHtml && CategoryId == other.CategoryId
        && OfficeId == other.OfficeId && Kind == other.Kind && Channels.SequenceEqual(other.Channels) && Form == other.Form
        && Origin == other.Origin && LegalBasis == other.LegalBasis && DocumentNumber == other.DocumentNumber
        && FormedOn == other.FormedOn && Attachments.SequenceEqual(other.Attachments) && PublicityDays == other.PublicityDays;

    public override int GetHashCode() => HashCode.Combine(Title, BodyHtml, CategoryId, OfficeId, LegalBasis);
}

/// <summary>An attachment as a revision names it: the stored file is found by its SHA-256.</summary>
public sealed record AttachmentRef(string FileName, string Sha256, long Size, string ContentType);
