using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using XiheWorkflow.Core.Admin;
using XiheWorkflow.Core.Calendar;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Core.Notices;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;
using XiheWorkflow.Domain.Publicity;

namespace XiheWorkflow.Core.Publicity;

/// <summary>
/// Demo 公示 around today, so that 公示跟踪 and the public pages show a living township: open
/// windows (one closing today), one closed without objection, one scheduled for tomorrow, and a
/// published item without a window. Each walks the real workflow at instants in the past.
/// </summary>
public class PublicityDemoData(IDbContextFactory<XiheDbContext> contexts, CalendarProvider calendars, TimeProvider clock,
    IOptions<XiheOptions> options) : IDemoDataPart
{
    public Task<bool> HasDataAsync(XiheDbContext db, CancellationToken ct) =>
        db.Notices.AnyAsync(n => n.PublicityFrom != null || n.ScheduledAtUtc != null, ct);

    private sealed record Item(string Title, string Category, string Office, string Author, int DaysAgo, string Body, Action<Notice, DateTime>? Then = null);

    public async Task SeedAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = ChinaTime.DateOf(now);
        // 09:30 Shanghai on a day this many days back.
        DateTime At(int daysAgo) => ChinaTime.StartOfDayUtc(today.AddDays(-daysAgo)).AddHours(9.5);

        await using var db = await contexts.CreateDbContextAsync(ct);
        var calendar = await calendars.GetAsync(ct);
        var people = new Dictionary<string, NoticeActor>();
        foreach (var a in DemoAccounts.All)
        {
            var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == a.UserName, ct);
            people[a.UserName] = await NoticeActors.LoadAsync(db, new Actor(user.Id, user.DisplayName, new HashSet<string> { a.Role }, user.OfficeId), ct);
        }
        var closeNow = (Notice n, DateTime _) =>
        {
            if (n.PublicityEndsAtUtc <= now) n.Apply(NoticeAction.CloseWindow, NoticeActor.Scheduler, n.PublicityEndsAtUtc!.Value);
        };
        Item[] items =
        [
            new("第四季度城乡低保拟保对象公示", "低保公示", "民生服务中心", "staff2", 6,
                "<p>经入户调查、村民代表会议评议，拟将以下家庭纳入城乡最低生活保障，现予公示。</p><table><tr><th>村</th><th>户主</th><th>家庭人口</th><th>月保障金额（元）</th></tr><tr><td>硝河村</td><td>马某某</td><td>3</td><td>1260</td></tr><tr><td>新庄村</td><td>杨某某</td><td>2</td><td>840</td></tr></table>"),
            new("硝河乡以工代赈项目劳务报酬发放公示", "以工代赈", "综合办公室", "staff", 2,
                "<p>现将以工代赈项目劳务报酬发放情况公示如下，接受群众监督。</p>"),
            new("硝河乡中心小学运动场改造项目中标候选人公示", "招标采购", "综合办公室", "staff", 0,
                "<p>第一中标候选人：某某建设有限公司；投标报价：人民币叁拾贰万元整。</p>"),
            new("特困供养人员认定结果公示", "特困供养公示", "民生服务中心", "staff2", 12,
                "<p>经审核，以下人员符合特困人员供养条件，现予公示。</p>", closeNow),
            new("硝河乡召开冬季森林防火工作部署会", "新闻动态", "综合办公室", "staff", 1,
                "<p>11月下旬，硝河乡召开冬季森林防火工作部署会，安排部署今冬明春防火工作。</p>"),
        ];
        foreach (var item in items) db.Notices.Add(await WalkAsync(db, item, At(item.DaysAgo), people, calendar, ct, publish: true, then: item.Then));

        var scheduled = await WalkAsync(db, new("耕地地力保护补贴发放名单公示", "涉农补贴", "综合办公室", "staff", 1,
            "<p>现将2024年耕地地力保护补贴发放名单予以公示。</p>"), At(1), people, calendar, ct, publish: false);
        scheduled.Apply(NoticeAction.Schedule, people["officer"], At(1).AddHours(2),
            new DecisionInput(ScheduledAtUtc: ChinaTime.StartOfDayUtc(today.AddDays(1)).AddHours(9)));
        db.Notices.Add(scheduled);
        await db.SaveChangesAsync(ct);
    }

    private async Task<Notice> WalkAsync(XiheDbContext db, Item item, DateTime at, Dictionary<string, NoticeActor> people,
        Domain.Calendar.WorkingCalendar calendar, CancellationToken ct, bool publish, Action<Notice, DateTime>? then = null)
    {
        var category = await db.Categories.AsNoTracking().SingleAsync(c => c.Name == item.Category, ct);
        var office = await db.Offices.AsNoTracking().SingleAsync(o => o.Name == item.Office, ct);
        var template = await db.WorkflowTemplates.AsNoTracking().SingleAsync(t => t.Id == category.WorkflowTemplateId, ct);
        var notice = Notice.Draft(new NoticeContent
        {
            Title = item.Title, BodyHtml = item.Body, CategoryId = category.Id, OfficeId = office.Id, Kind = category.DefaultKind,
            Channels = [.. category.DefaultChannels], LegalBasis = "《中华人民共和国政府信息公开条例》第二十条、第二十一条",
            FormedOn = ChinaTime.DateOf(at).AddDays(-3),
        }, people[item.Author], at.AddDays(-2));
        notice.Submit(people[item.Author], WorkflowTemplate.StagesFor(template, category.IsMajor), at.AddDays(-2).AddHours(1));
        foreach (var stage in notice.Stages)
        {
            var who = stage.Role switch { Roles.SupervisingLeader => "leader", Roles.DisclosureOfficer => "officer", _ => "group" };
            notice.Apply(NoticeAction.Approve, people[who], at.AddDays(-1),
                stage.IsLeadingGroup ? new DecisionInput(null, ChinaTime.DateOf(at.AddDays(-1)), "乡政务公开领导小组会议纪要第12号") : null);
        }
        if (!publish) return notice;
        var rule = category.RuleFor(null);
        notice.Apply(NoticeAction.Publish, people["officer"], at, new DecisionInput(Publicity: rule is null ? null : new PublicityTerms(rule, calendar)));
        notice.AssignIndexNumber(await NextIndexNumberAsync(db, at, ct));
        then?.Invoke(notice, at);
        return notice;
    }

    private readonly Dictionary<string, int> _sequence = [];

    private async Task<string> NextIndexNumberAsync(XiheDbContext db, DateTime at, CancellationToken ct)
    {
        var prefix = $"{options.Value.OrganizationCode}/{ChinaTime.DateOf(at).Year}-";
        if (!_sequence.TryGetValue(prefix, out var last))
        {
            var stored = await db.Notices.Where(n => n.IndexNumber != null && n.IndexNumber.StartsWith(prefix))
                .Select(n => n.IndexNumber!).OrderByDescending(x => x).FirstOrDefaultAsync(ct);
            last = stored is null ? 0 : int.Parse(stored[prefix.Length..]);
        }
        _sequence[prefix] = ++last;
        return $"{prefix}{last:D5}";
    }
}
