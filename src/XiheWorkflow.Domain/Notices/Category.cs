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
