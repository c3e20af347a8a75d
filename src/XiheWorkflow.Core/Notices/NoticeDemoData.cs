using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using XiheWorkflow.Core.Admin;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;

namespace XiheWorkflow.Core.Notices;

/// <summary>A dozen and more demo notices across offices, categories and states, so a newcomer sees a living system.</summary>
public class NoticeDemoData(IDbContextFactory<XiheDbContext> contexts, TimeProvider clock, IOptions<XiheOptions> options) : IDemoDataPart
{
    public Task<bool> HasDataAsync(XiheDbContext db, CancellationToken ct) => db.Notices.AnyAsync(ct);

    private sealed record Plan(string Title, string Category, string Office, string Author, NoticeAction[] Steps, string? Reason = null)
    {
        /// <summary>Where it goes when not only the category's default channels (the channel pages need variety).</summary>
        public Channel[]? Channels { get; init; }
        public string? BodyHtml { get; init; }
    }

    private static readonly Plan[] Plans =
    [
        new("2024年第三季度城乡低保待遇调整情况", "民生服务", "民生服务中心", "staff2", []),
        new("硝河乡冬季森林草原防灭火工作提示", "安全生产", "综合办公室", "staff", []),
        new("关于开展农村人居环境整治的通知", "乡村振兴", "综合办公室", "staff", [NoticeAction.Submit]),
        new("硝河乡2024年涉农补贴发放情况", "涉农补贴", "民生服务中心", "staff2", [NoticeAction.Submit]),
        new("硝河乡召开基层治理工作推进会", "新闻动态", "综合办公室", "staff", [NoticeAction.Submit, NoticeAction.Approve]),
        new("硝河乡2024年部门预算公开说明", "预决算", "综合办公室", "staff", [NoticeAction.Submit, NoticeAction.Approve, NoticeAction.Approve]),
        new("关于进一步规范村级事务管理的意见（政策解读）", "政策解读", "综合办公室", "staff", [NoticeAction.Submit, NoticeAction.Approve, NoticeAction.Approve]),
        new("关于印发《硝河乡村级公益事业建设一事一议筹资筹劳管理办法》的通知", "政策文件", "综合办公室", "staff", [NoticeAction.Submit, NoticeAction.Approve, NoticeAction.Approve, NoticeAction.Approve, NoticeAction.Publish]),
        new("硝河乡2024年政府信息公开工作年度报告", "政府信息公开年报", "综合办公室", "staff", [NoticeAction.Submit, NoticeAction.Approve, NoticeAction.Approve, NoticeAction.Publish])
        {
            Channels = [Channel.PlatformDisclosure, Channel.WeChat, Channel.Weibo, Channel.NoticeBoard],
        },
        new("硝河乡养老服务补贴申领指南", "民生服务", "民生服务中心", "staff2", [NoticeAction.Submit, NoticeAction.Approve, NoticeAction.Approve, NoticeAction.Publish])
        {
            Channels = [Channel.PlatformDisclosure, Channel.WeChat, Channel.NoticeBoard, Channel.Screen, Channel.Loudspeaker],
            BodyHtml = "<p>为做好高龄老人养老服务补贴发放工作，现将申领事项公告如下。</p>"
                + "<h3>一、申领对象</h3><p>截至2024年5月10日年满80周岁、户籍在本乡的老年人。</p>"
                + "<h3>二、补贴标准</h3><p>80至89周岁每人每月100元，90周岁及以上每人每月350元。</p>"
                + "<h3>三、申领时间和地点</h3><p>2024年6月30日前，携带户口簿到乡民生服务中心办理。</p>",
        },
        new("关于做好2024年度医保缴费工作的通知", "民生服务", "民生服务中心", "staff2", [NoticeAction.Submit, NoticeAction.Return], "请补充缴费标准和截止日期。"),
        new("某商户宣传材料转发", "新闻动态", "综合办公室", "staff", [NoticeAction.Submit, NoticeAction.Approve, NoticeAction.Reject], "属于商业宣传，不予发布。"),
        new("硝河乡2023年安全生产检查通报", "安全生产", "综合办公室", "staff", [NoticeAction.Submit, NoticeAction.Approve, NoticeAction.Approve, NoticeAction.Publish, NoticeAction.Withdraw], "内容已过时，回收。"),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var users = await db.Users.Include(u => u.SupervisedOffices).ToDictionaryAsync(u => u.UserName!, ct);
        var categories = await db.Categories.ToDictionaryAsync(c => c.Name, ct);
        var offices = await db.Offices.ToDictionaryAsync(o => o.Name, ct);
        var templates = await db.WorkflowTemplates.ToDictionaryAsync(t => t.Id, ct);
        NoticeActor As(string name, string role) =>
            new(users[name].Id, users[name].DisplayName, new HashSet<string> { role }, users[name].SupervisedOffices.Select(o => o.Id).ToHashSet());

        var now = clock.GetUtcNow().UtcDateTime.AddDays(-20);
        var code = options.Value.OrganizationCode;
        var nextIndex = new Dictionary<int, int>();
        foreach (var plan in Plans)
        {
            var category = categories[plan.Category];
            var author = As(plan.Author, Roles.Staff);
            var notice = Notice.Draft(new NoticeContent
            {
                Title = plan.Title,
                BodyHtml = plan.BodyHtml ?? $"<p>{plan.Title}。</p><p>详情请咨询承办科室。</p>",
                CategoryId = category.Id, OfficeId = offices[plan.Office].Id, Kind = category.DefaultKind,
                Channels = plan.Channels is { } channels ? [.. channels] : [.. category.DefaultChannels], LegalBasis = "《中华人民共和国政府信息公开条例》第二十条、第二十一条",
            }, author, now);
            for (var k = 0; k < plan.Steps.Length; k++)
            {
                var step = plan.Steps[k];
                now = now.AddHours(5);
                if (step == NoticeAction.Submit)
                {
                    notice.Submit(author, WorkflowTemplate.StagesFor(templates[category.WorkflowTemplateId!.Value], category.IsMajor), now);
                    continue;
                }
                var actor = notice.CurrentStage?.Role switch
                {
                    Roles.SupervisingLeader => As("leader", Roles.SupervisingLeader),
                    Roles.LeadingGroup => As("group", Roles.LeadingGroup),
                    _ => As("officer", Roles.DisclosureOfficer),
                };
                // The plan's reason is the one of its final 退回 / 不予发布 / 回收; the approvals before it agreed.
                var reason = k == plan.Steps.Length - 1 && step is NoticeAction.Return or NoticeAction.Reject or NoticeAction.Withdraw
                    ? plan.Reason
                    : step == NoticeAction.Approve ? "同意。" : null;
                notice.Apply(step, actor, now, new DecisionInput(reason,
                    notice.CurrentStageNeedsMeeting ? DateOnly.FromDateTime(now) : null, notice.CurrentStageNeedsMeeting ? "领导小组会议纪要〔2024〕3号" : null));
                if (step == NoticeAction.Publish)
                {
                    var year = ChinaTime.DateOf(now).Year;
                    if (!nextIndex.TryGetValue(year, out var next)) next = await IndexNumbers.NextSequenceAsync(db, code, year, ct);
                    notice.AssignIndexNumber(IndexNumbers.Format(code, year, next));
                    nextIndex[year] = next + 1;
                }
            }
            db.Notices.Add(notice);
        }
        // The 公开栏 sheet of a demo notice shows where objections go, as a configured township's does.
        if (!await db.Settings.AnyAsync(ct))
        {
            db.Settings.Add(new Channels.SiteSetting(Channels.ChannelSettingsStore.PhoneKey, "0954-7012345", now, "demo"));
            db.Settings.Add(new Channels.SiteSetting(Channels.ChannelSettingsStore.MailboxKey, "xhxzwgk@163.com", now, "demo"));
        }
        await db.SaveChangesAsync(ct);

        // One published notice already posted everywhere it was meant for, so that the channel figures
        // (counted from posting records) have something to count; the others wait to be posted.
        var officer = users["officer"];
        foreach (var notice in await db.Notices.Where(n => n.State == NoticeState.Published).ToListAsync(ct))
        {
            if (!notice.Title.Contains("筹资筹劳")) continue;
            foreach (var channel in notice.Channels)
            {
                var wechat = channel == Channel.WeChat;
                db.NoticePostings.Add(Domain.Channels.NoticePosting.Posted(notice.Id, channel, notice.CurrentRevision,
                    ChinaTime.DateOf(notice.PublishedAtUtc!.Value), null, null, wechat ? ContentForm.TextImage : null,
                    wechat ? ContentOrigin.SelfEdited : null, officer.Id, officer.DisplayName, clock.GetUtcNow().UtcDateTime));
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
