using XiheWorkflow.Domain.Common;

namespace XiheWorkflow.Domain.Notices;

/// <summary>
/// One stage of a workflow: the role that decides it. A supervising-leader stage is scoped to the
/// leaders who supervise the notice's originating office.
/// </summary>
public sealed record WorkflowStage(string Role, bool ScopedToSupervisors = false)
{
    public static WorkflowStage SupervisingLeader { get; } = new(Roles.SupervisingLeader, ScopedToSupervisors: true);
    public static WorkflowStage DisclosureOfficer { get; } = new(Roles.DisclosureOfficer);
    public static WorkflowStage LeadingGroup { get; } = new(Roles.LeadingGroup);

    public bool IsLeadingGroup => Role == Roles.LeadingGroup;
}

/// <summary>
/// An ordered list of stages chosen by category. Notices copy the stages at submit, so an edit to
/// a template affects notices submitted afterwards, not those already in review.
/// </summary>
public class WorkflowTemplate
{
    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public List<WorkflowStage> Stages { get; private set; } = [];
    public int Version { get; private set; }

    private WorkflowTemplate() { }

    public WorkflowTemplate(string name, IEnumerable<WorkflowStage> stages) => Update(name, stages);

    public void Update(string name, IEnumerable<WorkflowStage> stages)
    {
        var list = stages.ToList();
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException("Workflow.NameRequired");
        if (list.Count == 0) throw new DomainException("Workflow.NoStages");
        if (list.Any(s => !Roles.All.Contains(s.Role) || s.Role is Roles.Staff or Roles.Admin))
            throw new DomainException("Workflow.StageRoleInvalid");
        if (list.Count(s => s.Role == Roles.DisclosureOfficer) == 0) throw new DomainException("Workflow.NeedsDisclosureOfficer");
        Name = name.Trim();
        Stages = list;
        Version++;
    }

    /// <summary>The stages a notice of this category passes: a major category adds the leading group.</summary>
    public static IReadOnlyList<WorkflowStage> StagesFor(WorkflowTemplate template, bool isMajor) =>
        isMajor && !template.Stages.Any(s => s.IsLeadingGroup)
            ? [.. template.Stages, WorkflowStage.LeadingGroup]
            : template.Stages;
}
