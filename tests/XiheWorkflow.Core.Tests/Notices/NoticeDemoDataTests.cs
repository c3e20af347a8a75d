using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Domain.Notices;

namespace XiheWorkflow.Core.Tests.Notices;

public class NoticeDemoDataTests
{
    [Fact]
    public async Task DemoMode_SeedsNoticesAcrossOfficesCategoriesAndStates()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true, demoNotices: true);
        await using var db = t.NewContext();
        var notices = await db.Notices.AsNoTracking().Include(n => n.Events).ToListAsync();

        notices.Count.ShouldBeGreaterThanOrEqualTo(12);
        notices.Select(n => n.State).Distinct().ShouldBe(
            [NoticeState.Draft, NoticeState.InReview, NoticeState.Approved, NoticeState.Published,
             NoticeState.Returned, NoticeState.Rejected, NoticeState.Withdrawn], ignoreOrder: true);
        notices.Select(n => n.OfficeId).Distinct().Count().ShouldBeGreaterThan(1);
        notices.Select(n => n.CategoryId).Distinct().Count().ShouldBeGreaterThan(5);
        notices.Where(n => n.State is NoticeState.Published or NoticeState.Withdrawn)
            .ShouldAllBe(n => n.IndexNumber != null && n.IndexNumber.StartsWith("640422037/2024-"));
        notices.Single(n => n.State == NoticeState.Returned).Events.MaxBy(e => e.Sequence)!.Reason.ShouldNotBeNullOrEmpty();
        // A major category's notice passed the leading group with a meeting recorded.
        notices.SelectMany(n => n.Events).ShouldContain(e => e.StageRole == "LeadingGroup" && e.MinutesReference != null);
    }

    [Fact]
    public async Task DemoMode_OnlyTheFinalReturnRejectOrWithdrawCarriesItsReason_TheApprovalsBeforeItSayAgreed()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true, demoNotices: true);
        await using var db = t.NewContext();
        var notices = await db.Notices.AsNoTracking().Include(n => n.Events).ToListAsync();

        foreach (var state in new[] { NoticeState.Returned, NoticeState.Rejected, NoticeState.Withdrawn })
        {
            var events = notices.Single(n => n.State == state).Events.OrderBy(e => e.Sequence).ToList();
            var final = events[^1].Reason;
            final.ShouldNotBeNullOrEmpty();
            events.Where(e => e.Action == NoticeAction.Approve).ShouldAllBe(e => e.Reason == "同意。");
            events.Take(events.Count - 1).ShouldAllBe(e => e.Reason != final);
        }
        notices.Single(n => n.State == NoticeState.Rejected).Events.MaxBy(e => e.Sequence)!.Reason.ShouldBe("属于商业宣传，不予发布。");
    }

    [Fact]
    public async Task DemoMode_LeaderHasItemsWaitingInTheQueue()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true, demoNotices: true);
        var queue = await t.Get<XiheWorkflow.Core.Notices.NoticeQueries>().ReviewQueueAsync(await t.DemoActorAsync("leader"));
        queue.ShouldNotBeEmpty();
    }
}
