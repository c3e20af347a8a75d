using FluentValidation;
using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Auditing;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;
using XiheWorkflow.Domain.Publicity;

namespace XiheWorkflow.Core.Admin;

/// <summary>What Admin sets on a 公开目录 category; shared by adding and editing.</summary>
public record CategorySettings(string Name, NoticeKind DefaultKind, IReadOnlyList<Channel> DefaultChannels, bool IsMajor,
    int? PublicityPeriod, PeriodUnit PublicityUnit, int? WorkflowTemplateId,
    bool PublicationDayCounts = true, bool MoveEndOffHoliday = false, int TimelinessLimitDays = Timeliness.DefaultLimitDays,
    int ReviewMonths = Category.DefaultReviewMonths)
{
    public class Validator : AbstractValidator<CategorySettings>
    {
        public Validator()
        {
            RuleFor(c => c.Name).NotEmpty().WithErrorCode("Category.NameRequired")
                .MaximumLength(50).WithErrorCode("Category.NameTooLong").WithState(_ => new object[] { 50 });
            RuleFor(c => c.DefaultChannels).NotEmpty().WithErrorCode("Category.ChannelsRequired");
            RuleFor(c => c.PublicityPeriod).InclusiveBetween(1, 365).WithErrorCode("Category.PeriodOutOfRange");
            // A 公示 without a window could never end, and the tracker would have nothing to count down.
            RuleFor(c => c.PublicityPeriod).NotNull().When(c => c.DefaultKind == NoticeKind.Publicity)
                .WithErrorCode("Category.PublicityNeedsPeriod");
            RuleFor(c => c.WorkflowTemplateId).NotNull().WithErrorCode("Category.WorkflowRequired");
            RuleFor(c => c.TimelinessLimitDays).InclusiveBetween(1, 365).WithErrorCode("Category.TimelinessOutOfRange");
            RuleFor(c => c.ReviewMonths).InclusiveBetween(0, 120).WithErrorCode("Category.ReviewMonthsOutOfRange");
        }
    }

    internal async Task CheckAsync(XiheDbContext db, int? categoryId, CancellationToken ct)
    {
        new Validator().ThrowIfInvalid(this);
        var name = Name.Trim();
        if (await db.Categories.AnyAsync(c => c.Name == name && c.Id != categoryId, ct)) throw new DomainException("Category.NameTaken", name);
        if (!await db.WorkflowTemplates.AnyAsync(t => t.Id == WorkflowTemplateId, ct))
            throw new DomainException("Admin.NotFound", WorkflowTemplateId ?? 0);
    }

    internal string Describe() =>
        $"{Name.Trim()}; {DefaultKind}; {string.Join(',', DefaultChannels)}; major={IsMajor}; " +
        $"{PublicityPeriod?.ToString() ?? "-"} {PublicityUnit}; day1={PublicationDayCounts}; moveEnd={MoveEndOffHoliday}; " +
        $"timeliness={TimelinessLimitDays}; review={ReviewMonths}; workflow={WorkflowTemplateId}";
}

/// <summary>Changes a category's settings. Notices already drafted keep their own kind and window.</summary>
public class EditCategory(IDbContextFactory<XiheDbContext> contextFactory, TimeProvider clock)
{
    public record Command(int CategoryId, CategorySettings Settings, int Version);

    public async Task HandleAsync(Command command, Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.Admin);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var category = await db.Categories.SingleOrDefaultAsync(c => c.Id == command.CategoryId, ct)
            ?? throw new DomainException("Admin.NotFound", command.CategoryId);
        AdminValidation.RequireVersion(category.Version, command.Version, category.Name);
        var s = command.Settings;
        await s.CheckAsync(db, category.Id, ct);

        var old = category.Name;
        category.Update(s.Name, s.DefaultKind, s.DefaultChannels, s.IsMajor, s.PublicityPeriod, s.PublicityUnit);
        category.SetPublicityCounting(s.PublicationDayCounts, s.MoveEndOffHoliday, s.TimelinessLimitDays, s.ReviewMonths);
        if (category.WorkflowTemplateId != s.WorkflowTemplateId) category.UseWorkflow(s.WorkflowTemplateId!.Value);
        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow().UtcDateTime, actor.UserId, actor.Name, "Category.Edited", "Category",
            category.Id.ToString(), details: s.Describe()));
        await db.SaveOrStaleAsync(old, ct);
    }
}
