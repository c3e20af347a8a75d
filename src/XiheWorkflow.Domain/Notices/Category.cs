using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Publicity;

namespace XiheWorkflow.Domain.Notices;

/// <summary>
/// A 公开目录 item. Suggests a notice's kind, default channels and publicity rule; a "major"
/// category adds the leading-group stage to its workflow.
/// </summary>
public class Category
{
    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public NoticeKind DefaultKind { get; private set; }
    public List<Channel> DefaultChannels { get; private set; } = [];
    public bool IsMajor { get; private set; }
    /// <summary>Default publicity period; null when the category has no publicity window.</summary>
    public int? PublicityPeriod { get; private set; }
    public PeriodUnit PublicityUnit { get; private set; }
    /// <summary>Whether the publication day is day 1 of the window (otherwise the next day is).</summary>
    public bool PublicationDayCounts { get; private set; } = true;
    /// <summary>Whether a window ending on a day off runs on to the next working day.</summary>
    public bool MoveEndOffHoliday { get; private set; }
    /// <summary>Working days from 信息形成日期 within which an item must be published (Art. 26; local catalogues may set less).</summary>
    public int TimelinessLimitDays { get; private set; } = Timeliness.DefaultLimitDays;
    /// <summary>定期审查: months from publication to a published notice's periodic review (0: none).</summary>
    public int ReviewMonths { get; private set; } = DefaultReviewMonths;
    public const int DefaultReviewMonths = 6;
    public int SortOrder { get; private set; }
    /// <summary>The workflow template a notice of this category passes (major adds the leading group).</summary>
    public int? WorkflowTemplateId { get; private set; }
    public int Version { get; private set; }

    private Category() { }

    public Category(string name, NoticeKind kind, IEnumerable<Channel> channels, bool isMajor,
        int? publicityPeriod, PeriodUnit unit, int sortOrder)
    {
        Update(name, kind, channels, isMajor, publicityPeriod, unit);
        SortOrder = sortOrder;
        Version = 0;
    }

    /// <summary>The category's publicity rule, or null when its notices have no window.</summary>
    public PublicityRule? Rule => PublicityPeriod is { } p ? new PublicityRule(p, PublicityUnit, PublicationDayCounts, MoveEndOffHoliday) : null;

    /// <summary>
    /// The rule a notice of this category runs under when its author chose <paramref name="authorDays"/>:
    /// lengthened, never below the category's period.
    /// </summary>
    public PublicityRule? RuleFor(int? authorDays)
    {
        if (Rule is not { } rule) return null;
        if (authorDays is not { } days) return rule;
        if (days < rule.Period) throw new DomainException("Publicity.BelowMinimum", days, rule.Period, CodeLabels.Label(rule.Unit));
        return new PublicityRule(days, rule.Unit, rule.PublicationDayCounts, rule.MoveEndOffHoliday);
    }

    public void SetPublicityCounting(bool publicationDayCounts, bool moveEndOffHoliday, int timelinessLimitDays,
        int reviewMonths = DefaultReviewMonths)
    {
        if (timelinessLimitDays is < 1 or > 365) throw new DomainException("Category.TimelinessOutOfRange");
        if (reviewMonths is < 0 or > 120) throw new DomainException("Category.ReviewMonthsOutOfRange");
        ReviewMonths = reviewMonths;
        PublicationDayCounts = publicationDayCounts;
        MoveEndOffHoliday = moveEndOffHoliday;
        TimelinessLimitDays = timelinessLimitDays;
        Version++;
    }

    public void UseWorkflow(int workflowTemplateId)
    {
        WorkflowTemplateId = workflowTemplateId;
        Version++;
    }

    public void Update(string name, NoticeKind kind, IEnumerable<Channel> channels, bool isMajor,
        int? publicityPeriod, PeriodUnit unit)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException("Category.NameRequired");
        if (publicityPeriod is <= 0 or > 365) throw new DomainException("Category.PeriodOutOfRange");
        Name = name.Trim();
        DefaultKind = kind;
        DefaultChannels = channels.Distinct().ToList();
        IsMajor = isMajor;
        PublicityPeriod = publicityPeriod;
        PublicityUnit = unit;
        Version++;
    }
}
