using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using XiheWorkflow.Core.Jobs;
using XiheWorkflow.Core.Notices;
using XiheWorkflow.Core.Publicity;
using XiheWorkflow.Core.Tests.Notices;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;

namespace XiheWorkflow.Core.Tests.Publicity;

public class PublicitySweepTests
{
    private static Task<PublicitySweep.Result> SweepAsync(TestDatabase t) => t.Get<PublicitySweep>().RunAsync();

    [Fact]
    public async Task Publish_PublicityNotice_OpensWindowFromTheCategoryRule()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var id = await t.PublishedPublicityAsync();

        var n = await t.LoadAsync(id);
        n.State.ShouldBe(NoticeState.InPublicity);
        n.Window!.Format().ShouldBe("公示期：2024年5月10日至2024年5月16日");
        n.PublicityEndsAtUtc.ShouldBe(PublicityKit.WindowEnd.UtcDateTime);
        n.IndexNumber.ShouldNotBeNull();
    }

    [Fact]
    public async Task Publish_AuthorLengthenedPeriod_UsesTheLongerPeriod()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var (id, v) = await t.ApprovedPublicityAsync(publicityDays: 10);
        await t.DecideAsync(await t.DemoActorAsync("officer"), id, v, NoticeAction.Publish);

        (await t.LoadAsync(id)).PublicityTo.ShouldBe(new DateOnly(2024, 5, 19));
    }

    [Fact]
    public async Task SaveDraft_PeriodShorterThanCategory_IsRefused()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var e = await Should.ThrowAsync<DomainException>(() => t.ApprovedPublicityAsync(publicityDays: 5));
        e.Code.ShouldBe("Publicity.BelowMinimum");
    }

    [Fact]
    public async Task Sweep_OneSecondBeforeTheEnd_LeavesTheWindowOpen()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var id = await t.PublishedPublicityAsync();
        t.Clock.SetUtcNow(PublicityKit.WindowEnd.AddSeconds(-1));

        (await SweepAsync(t)).Closed.ShouldBe(0);
        (await t.LoadAsync(id)).State.ShouldBe(NoticeState.InPublicity);
    }

    [Fact]
    public async Task Sweep_AfterTheEndRepeatedly_ClosesExactlyOnceWithNoObjection()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var id = await t.PublishedPublicityAsync();
        t.Clock.SetUtcNow(PublicityKit.WindowEnd);

        (await SweepAsync(t)).Closed.ShouldBe(1);
        (await SweepAsync(t)).Closed.ShouldBe(0);
        t.Clock.Advance(TimeSpan.FromDays(1));
        (await SweepAsync(t)).Closed.ShouldBe(0);

        var n = await t.LoadAsync(id);
        n.State.ShouldBe(NoticeState.PublicityEnded);
        n.PublicityOutcome.ShouldBe(PublicityOutcome.NoObjection);
        (await t.EventCountAsync(id, NoticeAction.CloseWindow)).ShouldBe(1);
        (await t.AuditOfAsync(id)).Count(a => a.Action == "Notice.CloseWindow").ShouldBe(1);
    }

    [Fact]
    public async Task Sweep_WithOpenObjections_ClosesWithObjectionAndOfficerConcludes()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var id = await t.PublishedPublicityAsync();
        t.Clock.SetUtcNow(PublicityKit.WindowEnd);
        var sweep = new PublicitySweep(t.Services.GetRequiredService<IDbContextFactory<XiheWorkflow.Core.Data.XiheDbContext>>(), t.Get<DecideNotice>(),
            t.Get<XiheWorkflow.Core.Calendar.CalendarProvider>(), new OneObjection(), t.Get<ChangeNotifier>(), t.Clock,
            t.Get<Microsoft.Extensions.Options.IOptions<XiheOptions>>(), Microsoft.Extensions.Logging.Abstractions.NullLogger<PublicitySweep>.Instance,
            t.Get<WorkReminders>());

        await sweep.RunAsync();

        var n = await t.LoadAsync(id);
        n.PublicityOutcome.ShouldBe(PublicityOutcome.Objection);
        var officer = await t.DemoActorAsync("officer");
        await Should.ThrowAsync<DomainException>(() => t.DecideAsync(officer, id, n.Version, NoticeAction.Conclude));
        await t.DecideAsync(officer, id, n.Version, NoticeAction.Conclude, "已逐户核实，异议不成立，维持公示结果。");
        (await t.LoadAsync(id)).State.ShouldBe(NoticeState.Concluded);
    }

    private sealed class OneObjection : IOpenObjections
    {
        public Task<int> CountAsync(int noticeId, CancellationToken ct) => Task.FromResult(1);
    }

    [Fact]
    public async Task Sweep_TwoAtOnce_NeitherTransitionNorReminderIsDoubled()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var ended = new List<int>();
        for (var i = 0; i < 3; i++) ended.Add(await t.PublishedPublicityAsync($"低保公示 第{i + 1}批"));
        var (scheduled, v) = await t.ApprovedPublicityAsync("硝河乡卫生院改造项目中标候选人公示", category: "招标采购");
        await t.Get<DecideNotice>().HandleAsync(new DecideNotice.Command(scheduled, v, NoticeAction.Schedule,
            ScheduledAtUtc: PublicityKit.WindowEnd.UtcDateTime.AddHours(-1)), await t.DemoActorAsync("officer"));
        t.Clock.SetUtcNow(PublicityKit.WindowEnd);

        using var a = t.Services.CreateScope();
        using var b = t.Services.CreateScope();
        var results = await Task.WhenAll(
            Task.Run(() => a.ServiceProvider.GetRequiredService<PublicitySweep>().RunAsync()),
            Task.Run(() => b.ServiceProvider.GetRequiredService<PublicitySweep>().RunAsync()));

        results.Sum(r => r.Closed).ShouldBe(3);
        results.Sum(r => r.Published).ShouldBe(1);
        foreach (var id in ended) (await t.EventCountAsync(id, NoticeAction.CloseWindow)).ShouldBe(1);
        (await t.EventCountAsync(scheduled, NoticeAction.Publish)).ShouldBe(1);
        // The scheduled one opened a 3-day window (17–19 May) closing within a working day: one
        // reminder per person, however many sweeps ran.
        var reminders = await t.NotificationsAsync();
        reminders.ShouldNotBeEmpty();
        reminders.GroupBy(r => (r.Kind, r.NoticeId, r.RecipientUserId, r.Day)).ShouldAllBe(g => g.Count() == 1);
        results.Sum(r => r.Reminders).ShouldBe(reminders.Count);
    }

    [Fact]
    public async Task Sweep_ScheduledNotice_PublishedByTheSchedulerOnlyWhenDue()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var (id, v) = await t.ApprovedPublicityAsync();
        var at = t.Clock.GetUtcNow().UtcDateTime.AddHours(2);
        await t.Get<DecideNotice>().HandleAsync(new DecideNotice.Command(id, v, NoticeAction.Schedule, ScheduledAtUtc: at), await t.DemoActorAsync("officer"));

        t.Clock.Advance(TimeSpan.FromHours(1));
        (await SweepAsync(t)).Published.ShouldBe(0);
        t.Clock.Advance(TimeSpan.FromHours(1));
        (await SweepAsync(t)).Published.ShouldBe(1);

        var n = await t.LoadAsync(id);
        n.State.ShouldBe(NoticeState.InPublicity);
        n.PublishedAtUtc.ShouldBe(at);
        n.Events.MaxBy(e => e.Sequence)!.ActorName.ShouldBe("系统");
    }

    [Fact]
    public async Task Sweeper_StartedAfterAWeekOfDowntime_CatchesUpAtOnce()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var open = await t.PublishedPublicityAsync();
        var (scheduled, v) = await t.ApprovedPublicityAsync("特困供养人员公示");
        await t.Get<DecideNotice>().HandleAsync(new DecideNotice.Command(scheduled, v, NoticeAction.Schedule,
            ScheduledAtUtc: t.Clock.GetUtcNow().UtcDateTime.AddDays(1)), await t.DemoActorAsync("officer"));
        t.Clock.Advance(TimeSpan.FromDays(7));

        using var host = t.BuildHost(s => s.AddXiheJobs());
        await host.StartAsync();
        await WaitUntilAsync(t, async () => (await t.LoadAsync(open)).State == NoticeState.PublicityEnded
                                           && (await t.LoadAsync(scheduled)).State == NoticeState.InPublicity);
        await host.StopAsync();

        // Published a week late, the scheduled one's window runs from when it was actually published.
        (await t.LoadAsync(scheduled)).PublicityFrom.ShouldBe(new DateOnly(2024, 5, 17));
    }

    [Fact]
    public async Task Sweeper_RestartedInTheMiddle_LosesNothingAndDoesNothingTwice()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var id = await t.PublishedPublicityAsync();
        var (scheduled, v) = await t.ApprovedPublicityAsync("特困供养人员公示");
        await t.Get<DecideNotice>().HandleAsync(new DecideNotice.Command(scheduled, v, NoticeAction.Schedule,
            ScheduledAtUtc: t.Clock.GetUtcNow().UtcDateTime.AddDays(1)), await t.DemoActorAsync("officer"));

        using (var first = t.BuildHost(s => s.AddXiheJobs()))
        {
            await first.StartAsync();
            t.Clock.Advance(TimeSpan.FromDays(1));
            await WaitUntilAsync(t, async () => (await t.LoadAsync(scheduled)).State == NoticeState.InPublicity);
            await first.StopAsync();
        }

        // Down over the end of the first window; a new process over the same database takes over.
        t.Clock.SetUtcNow(PublicityKit.WindowEnd.AddHours(5));
        await using var reopened = t.Reopen();
        using (var second = reopened.BuildHost(s => s.AddXiheJobs()))
        {
            await second.StartAsync();
            await WaitUntilAsync(t, async () => (await t.LoadAsync(id)).State == NoticeState.PublicityEnded);
            t.Clock.Advance(TimeSpan.FromMinutes(5));
            await second.StopAsync();
        }

        (await t.EventCountAsync(scheduled, NoticeAction.Publish)).ShouldBe(1);
        (await t.EventCountAsync(id, NoticeAction.CloseWindow)).ShouldBe(1);
        (await t.LoadAsync(scheduled)).State.ShouldBe(NoticeState.InPublicity);
    }

    private static async Task WaitUntilAsync(TestDatabase t, Func<Task<bool>> condition)
    {
        for (var i = 0; i < 200; i++)
        {
            if (await condition()) return;
            await Task.Delay(50);
        }
        (await condition()).ShouldBeTrue("the sweeper did not get there within 10 s");
    }
}
