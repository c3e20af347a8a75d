using FluentValidation;
using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Auditing;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;

namespace XiheWorkflow.Core.Admin;

/// <summary>A workflow template's name and ordered stage roles; shared by adding and editing.</summary>
public record WorkflowSettings(string Name, IReadOnlyList<string> StageRoles)
{
    /// <summary>
    /// The roles a stage may have: the reviewers, never the author's or the administrator's. 办公室主任
    /// may be made a stage (e.g. 综合办公室 reading every draft first); 待我审核 is open to every role here.
    /// </summary>
    public static readonly IReadOnlyList<string> StageRoleChoices =
        [Roles.SupervisingLeader, Roles.DisclosureOfficer, Roles.LeadingGroup, Roles.OfficeHead];

    public class Validator : AbstractValidator<WorkflowSettings>
    {
        public Validator()
        {
            RuleFor(w => w.Name).NotEmpty().WithErrorCode("Workflow.NameRequired")
                .MaximumLength(50).WithErrorCode("Workflow.NameTooLong").WithState(_ => new object[] { 50 });
            RuleFor(w => w.StageRoles).NotEmpty().WithErrorCode("Workflow.NoStages");
            RuleForEach(w => w.StageRoles).Must(r => StageRoleChoices.Contains(r)).WithErrorCode("Workflow.StageRoleInvalid");
            // 政务公开负责人严格审核: every item passes the disclosure officer before publication.
            RuleFor(w => w.StageRoles).Must(s => s.Contains(Roles.DisclosureOfficer))
                .When(w => w.StageRoles.Count > 0).WithErrorCode("Workflow.NeedsDisclosureOfficer");
            // One person must not approve two stages of one item, so a role appears once.
            RuleFor(w => w.StageRoles).Must(s => s.Distinct().Count() == s.Count).WithErrorCode("Workflow.DuplicateStage");
        }
    }

    /// <summary>A supervising-leader stage is decided by the leaders of the notice's own office.</summary>
    internal IReadOnlyList<WorkflowStage> ToStages() =>
        StageRoles.Select(r => new WorkflowStage(r, ScopedToSupervisors: r == Roles.SupervisingLeader)).ToList();

    internal async Task CheckAsync(XiheDbContext db, int? templateId, CancellationToken ct)
    {
        new Validator().ThrowIfInvalid(this);
        var name = Name.Trim();
        if (await db.WorkflowTemplates.AnyAsync(t => t.Name == name && t.Id != templateId, ct)) throw new DomainException("Workflow.NameTaken", name);
    }

    internal string Describe() => $"{Name.Trim()}: {string.Join(" → ", StageRoles)}";
}

/// <summary>
/// Changes a workflow template. Notices copy their stages at submit, so only notices submitted
/// afterwards follow the new stages.
/// </summary>
public class EditWorkflowTemplate(IDbContextFactory<XiheDbContext> contextFactory, TimeProvider clock)
{
    public record Command(int TemplateId, WorkflowSettings Settings, int Version);

    public async Task HandleAsync(Command command, Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.Admin);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var template = await db.WorkflowTemplates.SingleOrDefaultAsync(t => t.Id == command.TemplateId, ct)
            ?? throw new DomainException("Admin.NotFound", command.TemplateId);
        AdminValidation.RequireVersion(template.Version, command.Version, template.Name);
        await command.Settings.CheckAsync(db, template.Id, ct);

        var old = template.Name;
        template.Update(command.Settings.Name, command.Settings.ToStages());
        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow().UtcDateTime, actor.UserId, actor.Name, "Workflow.Edited", "WorkflowTemplate",
            template.Id.ToString(), details: command.Settings.Describe()));
        await db.SaveOrStaleAsync(old, ct);
    }
}
