using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Notices;
using XiheWorkflow.Core.Publicity;
using XiheWorkflow.Core.Tests.Notices;
using XiheWorkflow.Domain.Notices;

namespace XiheWorkflow.Core.Tests.Publicity;

/// <summary>A 低保 公示 walked through review by the demo people, ready for the officer to publish or schedule.</summary>
internal static class PublicityKit
{
    public static async Task<(int Id, int Version)> ApprovedPublicityAsync(this TestDatabase t, string title = "2024年5月城乡低保拟保对象公示",
        string category = "低保公示", DateOnly? formedOn = null, int? publicityDays = null)
    {
        var staff = await t.DemoActorAsync("staff2");
        var draft = await t.Get<SaveNoticeDraft>().HandleAsync(new SaveNoticeDraft.Command
        {
            Title = title,
            BodyHtml = "<p>经村民代表会议评议，拟将以下家庭纳入最低生活保障。</p>",
            CategoryId = await t.CategoryIdAsync(category),
            OfficeId = await t.OfficeIdAsync("民生服务中心"),
            LegalBasis = "《最低生活保障审核确认办法》第十九条",
            FormedOn = formedOn,
            PublicityDays = publicityDays,
        }, staff);
        var v = await t.Get<SubmitNotice>().HandleAsync(new SubmitNotice.Command(draft.NoticeId, draft.Version), staff);
        v = await t.DecideAsync(await t.DemoActorAsync("leader"), draft.NoticeId, v, NoticeAction.Approve);
        v = await t.DecideAsync(await t.DemoActorAsync("officer"), draft.NoticeId, v, NoticeAction.Approve);
        return (draft.NoticeId, v);
    }

    public static async Task<int> PublishedPublicityAsync(this TestDatabase t, string title = "2024年5月城乡低保拟保对象公示")
    {
        var (id, v) = await t.ApprovedPublicityAsync(title);
        var officer = await t.DemoActorAsync("officer");
        await t.DecideAsync(officer, id, v, NoticeAction.Publish);
        // Posted on its channels the same day, as the office does, so that only the window's own reminders follow.
        foreach (var channel in (await t.LoadAsync(id)).Channels)
        {
            await t.Get<XiheWorkflow.Core.Channels.RecordPosting>().HandleAsync(new XiheWorkflow.Core.Channels.RecordPosting.Command(
                id, channel, XiheWorkflow.Domain.Channels.PostingStatus.Posted, XiheWorkflow.Domain.Common.ChinaTime.DateOf(t.Clock.GetUtcNow().UtcDateTime)), officer);
        }
        return id;
    }

    public static async Task<int> EventCountAsync(this TestDatabase t, int id, NoticeAction action)
    {
        await using var db = t.NewContext();
        return await db.NoticeEvents.CountAsync(e => e.NoticeId == id && e.Action == action);
    }

    public static async Task<List<Notification>> NotificationsAsync(this TestDatabase t)
    {
        await using var db = t.NewContext();
        return await db.Notifications.AsNoTracking().OrderBy(n => n.Id).ToListAsync();
    }

    /// <summary>2024-05-16 24:00 Shanghai: the end of a 7-day window published on 2024-05-10.</summary>
    public static readonly DateTimeOffset WindowEnd = new(2024, 5, 16, 16, 0, 0, TimeSpan.Zero);
}
