using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Calendar;
using XiheWorkflow.Domain.Calendar;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;
using XiheWorkflow.Domain.Publicity;

namespace XiheWorkflow.Core.Data;

/// <summary>Offices and categories every new database holds, demo or not (INTERFACES.md §2).</summary>
public static class ReferenceData
{
    public static readonly string[] Offices =
        ["综合办公室", "党建办公室", "经济发展办公室", "社会事务办公室", "平安建设办公室", "民生服务中心", "自然资源所"];

    private static readonly Channel[] Portal = [Channel.PlatformDisclosure];
    private static readonly Channel[] PublicityChannels = [Channel.PlatformDisclosure, Channel.NoticeBoard];
    private static readonly Channel[] NewsChannels = [Channel.PlatformNews, Channel.WeChat];

    public record CategorySeed(string Name, NoticeKind Kind, Channel[] Channels, bool Major, int? Period, PeriodUnit Unit);

    public static readonly CategorySeed[] Categories =
    [
        new("政府信息公开指南", NoticeKind.Announcement, Portal, false, null, PeriodUnit.CalendarDays),
        new("政府信息公开年报", NoticeKind.Announcement, Portal, false, null, PeriodUnit.CalendarDays),
        new("预决算", NoticeKind.Announcement, Portal, true, null, PeriodUnit.CalendarDays),
        new("政策文件", NoticeKind.NormativeDocument, Portal, true, null, PeriodUnit.CalendarDays),
        new("政策解读", NoticeKind.Interpretation, [Channel.PlatformDisclosure, Channel.WeChat], false, null, PeriodUnit.CalendarDays),
        new("安全生产", NoticeKind.Announcement, Portal, false, null, PeriodUnit.CalendarDays),
        new("基层治理", NoticeKind.Announcement, Portal, false, null, PeriodUnit.CalendarDays),
        new("组织管理", NoticeKind.Announcement, Portal, false, null, PeriodUnit.CalendarDays),
        new("民生服务", NoticeKind.Announcement, Portal, false, null, PeriodUnit.CalendarDays),
        new("乡村振兴", NoticeKind.Announcement, Portal, false, null, PeriodUnit.CalendarDays),
        new("社会救助", NoticeKind.Publicity, PublicityChannels, false, 7, PeriodUnit.CalendarDays),
        new("低保公示", NoticeKind.Publicity, PublicityChannels, false, 7, PeriodUnit.CalendarDays),
        new("特困供养公示", NoticeKind.Publicity, PublicityChannels, false, 7, PeriodUnit.CalendarDays),
        new("涉农补贴", NoticeKind.Publicity, PublicityChannels, false, 7, PeriodUnit.CalendarDays),
        new("公示公告", NoticeKind.Publicity, PublicityChannels, false, 7, PeriodUnit.CalendarDays),
        new("以工代赈", NoticeKind.Publicity, PublicityChannels, true, 7, PeriodUnit.CalendarDays),
        new("项目公示", NoticeKind.Publicity, PublicityChannels, true, 7, PeriodUnit.CalendarDays),
        new("招标采购", NoticeKind.Publicity, PublicityChannels, false, 3, PeriodUnit.CalendarDays),
        new("干部任前公示", NoticeKind.Publicity, PublicityChannels, true, 5, PeriodUnit.WorkingDays),
        new("新闻动态", NoticeKind.News, NewsChannels, false, null, PeriodUnit.CalendarDays),
    ];

    public const string DefaultWorkflow = "默认审核流程";
    public const string CorrectionWorkflow = "更正审核流程";

    /// <summary>Adds whatever reference data is missing; never changes what Admin has edited.</summary>
    public static async Task EnsureAsync(XiheDbContext db, CancellationToken ct = default)
    {
        if (!await db.WorkflowTemplates.AnyAsync(ct))
        {
            // 各办公室投稿、各分管领导把关、政务公开负责人严格审核; major categories add the leading group.
            db.WorkflowTemplates.Add(new WorkflowTemplate(DefaultWorkflow, [WorkflowStage.SupervisingLeader, WorkflowStage.DisclosureOfficer]));
            db.WorkflowTemplates.Add(new WorkflowTemplate(CorrectionWorkflow, [WorkflowStage.DisclosureOfficer]));
            await db.SaveChangesAsync(ct);
        }
        if (!await db.Offices.AnyAsync(ct))
        {
            for (var i = 0; i < Offices.Length; i++) db.Offices.Add(new Office(Offices[i], i + 1));
        }
        if (!await db.Categories.AnyAsync(ct))
        {
            for (var i = 0; i < Categories.Length; i++)
            {
                var c = Categories[i];
                db.Categories.Add(new Category(c.Name, c.Kind, c.Channels, c.Major, c.Period, c.Unit, i + 1));
            }
        }
        await db.SaveChangesAsync(ct);

        var defaultWorkflow = await db.WorkflowTemplates.SingleOrDefaultAsync(t => t.Name == DefaultWorkflow, ct)
            ?? await db.WorkflowTemplates.OrderBy(t => t.Id).FirstAsync(ct);
        foreach (var category in await db.Categories.Where(c => c.WorkflowTemplateId == null).ToListAsync(ct))
        {
            category.UseWorkflow(defaultWorkflow.Id);
        }
        await db.SaveChangesAsync(ct);

        // Per year, so that a release shipping a new year adds it without touching years Admin edited.
        var knownYears = await db.CalendarYears.Select(y => y.Year).ToListAsync(ct);
        foreach (var year in OfficialCalendar.ShippedYears.Where(y => !knownYears.Contains(y.Year)))
        {
            db.CalendarYears.Add(new CalendarYearRecord(year));
        }
        await db.SaveChangesAsync(ct);
    }
}
