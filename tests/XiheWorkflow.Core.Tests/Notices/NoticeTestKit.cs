using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Admin;
using XiheWorkflow.Core.Auditing;
using XiheWorkflow.Core.Notices;
using XiheWorkflow.Domain.Notices;

namespace XiheWorkflow.Core.Tests.Notices;

/// <summary>The demo people as the server knows them after sign-in, and short ways to move a notice along.</summary>
internal static class NoticeTestKit
{
    public const string Meeting = "乡领导小组会议纪要〔2024〕5号";
    public static readonly DateOnly MeetingDate = new(2024, 5, 9);

    public static async Task<Actor> DemoActorAsync(this TestDatabase t, string userName)
    {
        var account = DemoAccounts.All.Single(a => a.UserName == userName);
        await using var db = t.NewContext();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName);
        return new Actor(user.Id, user.DisplayName, new HashSet<string> { account.Role }, user.OfficeId);
    }

    public static async Task<int> OfficeIdAsync(this TestDatabase t, string name)
    {
        await using var db = t.NewContext();
        return await db.Offices.Where(o => o.Name == name).Select(o => o.Id).SingleAsync();
    }

    public static async Task<int> CategoryIdAsync(this TestDatabase t, string name)
    {
        await using var db = t.NewContext();
        return await db.Categories.Where(c => c.Name == name).Select(c => c.Id).SingleAsync();
    }

    public static async Task<SaveNoticeDraft.Result> DraftAsync(this TestDatabase t, Actor author, string category = "新闻动态",
        string office = "综合办公室", string title = "硝河乡召开2024年春季植树动员会")
    {
        return await t.Get<SaveNoticeDraft>().HandleAsync(new SaveNoticeDraft.Command
        {
            Title = title,
            BodyHtml = "<p>5月9日，硝河乡召开春季植树动员会。</p>",
            CategoryId = await t.CategoryIdAsync(category),
            OfficeId = await t.OfficeIdAsync(office),
            LegalBasis = "《中华人民共和国政府信息公开条例》第二十条",
        }, author);
    }

    /// <summary>Drafts and submits; returns the id and the version after submit.</summary>
    public static async Task<(int Id, int Version)> SubmittedAsync(this TestDatabase t, Actor author, string category = "新闻动态",
        string office = "综合办公室", string title = "硝河乡召开2024年春季植树动员会")
    {
        var draft = await t.DraftAsync(author, category, office, title);
        var version = await t.Get<SubmitNotice>().HandleAsync(new SubmitNotice.Command(draft.NoticeId, draft.Version), author);
        return (draft.NoticeId, version);
    }

    public static Task<int> DecideAsync(this TestDatabase t, Actor actor, int id, int? version, NoticeAction action,
        string? reason = null, DateOnly? meetingDate = null, string? minutes = null) =>
        t.Get<DecideNotice>().HandleAsync(new DecideNotice.Command(id, version, action, reason, meetingDate, minutes), actor);

    public static async Task<Notice> LoadAsync(this TestDatabase t, int id)
    {
        await using var db = t.NewContext();
        return await db.Notices.AsNoTracking().Include(n => n.Events).Include(n => n.Revisions)
            .Include(n => n.Corrections).Include(n => n.Clarifications).AsSplitQuery().SingleAsync(n => n.Id == id);
    }

    public static async Task<List<AuditEntry>> AuditOfAsync(this TestDatabase t, int id)
    {
        await using var db = t.NewContext();
        return await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "Notice" && a.EntityId == id.ToString())
            .OrderBy(a => a.Sequence).ToListAsync();
    }
}
