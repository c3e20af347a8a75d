using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Auditing;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;

namespace XiheWorkflow.Core.Admin;

/// <summary>Adds a workflow template that categories can then use.</summary>
public class AddWorkflowTemplate(IDbContextFactory<XiheDbContext> contextFactory, TimeProvider clock)
{
    public async Task<int> HandleAsync(WorkflowSettings settings, Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.Admin);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        await settings.CheckAsync(db, null, ct);

        // The audit entry needs the new id; one transaction keeps the row and its entry together.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var template = new WorkflowTemplate(settings.Name, settings.ToStages());
        db.WorkflowTemplates.Add(template);
        await db.SaveChangesAsync(ct);
        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow().UtcDateTime, actor.UserId, actor.Name, "Workflow.Added", "WorkflowTemplate",
            template.Id.ToString(), details: settings.Describe()));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return template.Id;
    }
}
