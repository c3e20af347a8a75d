using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Domain.Notices;
using XiheWorkflow.Domain.Publicity;

namespace XiheWorkflow.Core.Admin;

/// <summary>Offices, categories and workflow templates as the admin page shows them.</summary>
public class ListReferenceData(IDbContextFactory<XiheDbContext> contextFactory)
{
    public record OfficeRow(int Id, string Name, int SortOrder, bool IsActive, int Version, int UserCount);

    public record CategoryRow(int Id, string Name, NoticeKind DefaultKind, IReadOnlyList<Channel> DefaultChannels, bool IsMajor,
        int? PublicityPeriod, PeriodUnit PublicityUnit, int? WorkflowTemplateId, string? WorkflowTemplateName, int SortOrder, int Version,
        bool PublicationDayCounts = true, bool MoveEndOffHoliday = false, int TimelinessLimitDays = Domain.Publicity.Timeliness.DefaultLimitDays,
        int ReviewMonths = Category.DefaultReviewMonths);

    public record WorkflowTemplateRow(int Id, string Name, IReadOnlyList<WorkflowStage> Stages, int Version, int CategoryCount);

    public record Result(IReadOnlyList<OfficeRow> Offices, IReadOnlyList<CategoryRow> Categories, IReadOnlyList<WorkflowTemplateRow> Workflows);

    public async Task<Result> HandleAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Require(Domain.Common.Roles.Admin);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var offices = await db.Offices.AsNoTracking().OrderBy(o => o.SortOrder).ThenBy(o => o.Id)
            .Select(o => new OfficeRow(o.Id, o.Name, o.SortOrder, o.IsActive, o.Version, db.Users.Count(u => u.OfficeId == o.Id)))
            .ToListAsync(ct);
        var workflows = await db.WorkflowTemplates.AsNoTracking().OrderBy(t => t.Id)
            .Select(t => new WorkflowTemplateRow(t.Id, t.Name, t.Stages, t.Version, db.Categories.Count(c => c.WorkflowTemplateId == t.Id)))
            .ToListAsync(ct);
        var names = workflows.ToDictionary(t => t.Id, t => t.Name);
        var categories = (await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(ct))
            .Select(c => new CategoryRow(c.Id, c.Name, c.DefaultKind, c.DefaultChannels, c.IsMajor, c.PublicityPeriod, c.PublicityUnit,
                c.WorkflowTemplateId, c.WorkflowTemplateId is { } w ? names.GetValueOrDefault(w) : null, c.SortOrder, c.Version,
                c.PublicationDayCounts, c.MoveEndOffHoliday, c.TimelinessLimitDays, c.ReviewMonths))
            .ToList();
        return new Result(offices, categories, workflows);
    }
}
