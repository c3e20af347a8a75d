using XiheWorkflow.Core.Notices;
using XiheWorkflow.Core.Publicity;
using XiheWorkflow.Core.Tests.Notices;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;

namespace XiheWorkflow.Core.Tests.Corrections;

/// <summary>定期审查: the review date per category, the officer's queue, 继续有效 and 已失效.</summary>
public class PeriodicReviewTests
{
    private static async Task<int> PublishedNewsAsync(TestDatabase t)
    {
        var staff = await t.DemoActorAsync("staff");
        var (id, v) = await t.SubmittedAsync(staff);
        v = await t.DecideAsync(await t.DemoActorAsync("leader"), id, v, NoticeAction.Approve);
        v = await t.DecideAsync(await t.DemoActorAsync("officer"), id, v, NoticeAction.Approve);
        await t.DecideAsync(await t.DemoActorAsync("officer"), id, v, NoticeAction.Publish);
        return id;
    }

    [Fact]
    public async Task PublishedNotice_IsDueSixMonthsLater_RenewMovesItOn_ExpireTakesItOffThePublicPages()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var id = await PublishedNewsAsync(t);
        var officer = await t.DemoActorAsync("officer");
        var queries = t.Get<NoticeQueries>();
        (await t.LoadAsync(id)).ReviewDueOn.ShouldBe(new DateOnly(2024, 11, 10));
        (await queries.PeriodicReviewQueueAsync(officer)).ShouldBeEmpty();

        t.Clock.SetUtcNow(new DateTimeOffset(2024, 10, 20, 2, 0, 0, TimeSpan.Zero));
        var upcoming = (await queries.PeriodicReviewQueueAsync(officer)).Single();
        (upcoming.Id, upcoming.Due).ShouldBe((id, false));

        t.Clock.SetUtcNow(new DateTimeOffset(2024, 11, 11, 2, 0, 0, TimeSpan.Zero));
        (await queries.PeriodicReviewQueueAsync(officer)).Single().Due.ShouldBeTrue();
        await t.DecideAsync(officer, id, null, NoticeAction.Renew);
        (await t.LoadAsync(id)).ReviewDueOn.ShouldBe(new DateOnly(2025, 5, 11));
        (await queries.PeriodicReviewQueueAsync(officer)).ShouldBeEmpty();

        await t.DecideAsync(officer, id, null, NoticeAction.Expire, "所依据的文件已废止");
        var (notice, gone) = await t.Get<PublicNotices>().FindAsync(id);
        notice.ShouldBeNull();
        gone!.State.ShouldBe(NoticeState.Expired);
        gone.Reason.ShouldBe("所依据的文件已废止");
        (await t.Get<PublicNotices>().ListAsync(PublicFilter.All, 1, 100)).Items.Select(n => n.Id).ShouldNotContain(id);
        // Kept internally.
        (await queries.DetailsAsync(id, officer))!.State.ShouldBe(NoticeState.Expired);
    }

    [Fact]
    public async Task QueueIsTheOfficers_AndACategoryWithoutReviewSetsNoDate()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        await Should.ThrowAsync<DomainException>(async () =>
            await t.Get<NoticeQueries>().PeriodicReviewQueueAsync(await t.DemoActorAsync("staff")));

        await using (var db = t.NewContext())
        {
            var news = db.Categories.Single(c => c.Name == "新闻动态");
            news.SetPublicityCounting(news.PublicationDayCounts, news.MoveEndOffHoliday, news.TimelinessLimitDays, reviewMonths: 0);
            await db.SaveChangesAsync();
        }
        var id = await PublishedNewsAsync(t);
        (await t.LoadAsync(id)).ReviewDueOn.ShouldBeNull();
    }

    [Fact]
    public async Task Dashboard_CountsWhatIsDueAndWhatComesDue_AndListsThem()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var first = await PublishedNewsAsync(t);
        t.Clock.SetUtcNow(new DateTimeOffset(2024, 5, 25, 2, 0, 0, TimeSpan.Zero));
        var second = await PublishedNewsAsync(t);
        var head = await t.DemoActorAsync("head");
        var dashboard = t.Get<XiheWorkflow.Core.Dashboard.DashboardQueries>();
        var filter = new XiheWorkflow.Core.Dashboard.DashboardFilter(2024);

        // 2024-11-12: the first (due 11-10) is due, the second (due 11-25) comes due within 30 days.
        t.Clock.SetUtcNow(new DateTimeOffset(2024, 11, 12, 2, 0, 0, TimeSpan.Zero));
        var now = (await dashboard.OverviewAsync(filter, head)).Now;
        (now.ReviewDue, now.ReviewDueSoon).ShouldBe((1, 2));
        (await dashboard.ListAsync(XiheWorkflow.Core.Dashboard.DashboardMetric.ReviewDue, filter, head)).Select(r => r.Id).ShouldBe([first]);
        (await dashboard.ListAsync(XiheWorkflow.Core.Dashboard.DashboardMetric.ReviewDueSoon, filter, head)).Select(r => r.Id)
            .ShouldBe([first, second], ignoreOrder: true);

        await t.DecideAsync(await t.DemoActorAsync("officer"), first, null, NoticeAction.Expire, "已废止");
        now = (await dashboard.OverviewAsync(filter, head)).Now;
        (now.ReviewDue, now.ReviewDueSoon).ShouldBe((0, 1));
    }
}
