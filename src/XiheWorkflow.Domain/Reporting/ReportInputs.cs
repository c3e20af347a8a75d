using XiheWorkflow.Domain.Notices;
using XiheWorkflow.Domain.Requests;

namespace XiheWorkflow.Domain.Reporting;

/// <summary>A disclosure application as the report sees it: open while <see cref="Outcome"/> is null.</summary>
public sealed record ApplicationRecord(ApplicantType ApplicantType, DateOnly ReceivedOn, ApplicationOutcome? Outcome = null, DateOnly? ClosedOn = null);

/// <summary>A reconsideration or lawsuit about disclosure: pending (尚未审结) while <see cref="Result"/> is null.</summary>
public sealed record AppealRecord(AppealKind Kind, DateOnly FiledOn, AppealResult? Result = null, DateOnly? ClosedOn = null);

/// <summary>The figures of table A that are entered rather than counted (第二十条 items 五, 六, 八).</summary>
public sealed record YearFigures(int Year, int Licensing, int Penalty, int Enforcement, decimal FeesTenThousandYuan);

/// <summary>A published document; only regulations and normative documents reach table A.</summary>
public sealed record NoticeRecord(NoticeKind Kind, DateOnly PublishedOn, DateOnly? RepealedOn = null);

/// <summary>
/// One notice posted on one channel. <see cref="NoticeKey"/> identifies the notice so that a
/// repost on the same channel counts once. Form and origin matter for WeChat only.
/// </summary>
public sealed record ChannelPosting(string NoticeKey, Channel Channel, DateOnly PostedOn, ContentForm? Form = null, ContentOrigin? Origin = null);

public sealed record ReportInputs
{
    public IReadOnlyCollection<ApplicationRecord> Applications { get; init; } = [];
    public IReadOnlyCollection<AppealRecord> Appeals { get; init; } = [];
    public IReadOnlyCollection<NoticeRecord> Notices { get; init; } = [];
    public IReadOnlyCollection<ChannelPosting> Postings { get; init; } = [];

    /// <summary>Figures for any number of years; the report takes its own year's, zeros when absent.</summary>
    public IReadOnlyCollection<YearFigures> YearFigures { get; init; } = [];
}
