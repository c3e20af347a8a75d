using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Auditing;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;

namespace XiheWorkflow.Core.Admin;

/// <summary>Adds a 公开目录 category at the end of the list.</summary>
public class AddCategory(IDbContextFactory<XiheDbContext> contextFactory, TimeProvider clock)
{
    public async Task<int> HandleAsync(CategorySettings settings, Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.Admin);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        await settings.CheckAsync(db, null, ct);

        // The audit entry needs the new id; one transaction keeps the row and its entry together.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var order = (await db.Categories.MaxAsync(c => (int?)c.SortOrder, ct) ?? 0) + 1;
        var category = new Category(settings.Name, settings.DefaultKind, settings.DefaultChannels, settings.IsMajor,
            settings.PublicityPeriod, settings.PublicityUnit, order);
        category.UseWorkflow(settings.WorkflowTemplateId!.Value);
        category.SetPublicityCounting(settings.PublicationDayCounts, settings.MoveEndOffHoliday, settings.TimelinessLimitDays, settings.ReviewMonths);
        db.Categories.Add(category);
        await db.SaveChangesAsync(ct);
        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow().UtcDateTime, actor.UserId, actor.Name, "Category.Added", "Category",
            category.Id.ToString(), details: settings.Describe()));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return category.Id;
    }
}
