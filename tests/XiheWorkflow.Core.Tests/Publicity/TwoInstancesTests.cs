using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using XiheWorkflow.Core.Auditing;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Core.Jobs;
using XiheWorkflow.Core.Notices;
using XiheWorkflow.Core.Publicity;
using XiheWorkflow.Core.Tests.Notices;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;

namespace XiheWorkflow.Core.Tests.Publicity;

/// <summary>
/// A county deployment: several web instances on one PostgreSQL database, each with its own
/// sweeper and nothing shared in memory (each instance here is a service provider of its own over
/// the same database and clock).
/// </summary>
public class TwoInstancesTests
{
    [PostgresFact]
    public async Task Sweepers_TwoHostsOnOneDatabase_CloseEachWindowExactlyOnce()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var (ended, scheduled) = await DueWorkAsync(t);
        await using var other = t.Reopen();

        using var a = t.BuildHost(s => s.AddXiheJobs());
        using var b = other.BuildHost(s => s.AddXiheJobs());
        // Both catch up at start, at the same moment, then tick on together.
        await Task.WhenAll(a.StartAsync(), b.StartAsync());
        await WaitUntilAsync(async () =>
        {
            foreach (var id in ended) if ((await t.LoadAsync(id)).State != NoticeState.PublicityEnded) return false;
            return (await t.LoadAsync(scheduled)).State == NoticeState.InPublicity;
        });
        for (var i = 0; i < 3; i++)
        {
            t.Clock.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(100);
        }
        await Task.WhenAll(a.StopAsync(), b.StopAsync());

        await ShouldHaveHappenedOnceAsync(t, ended, scheduled);
    }

    [PostgresFact]
    public async Task Sweeps_TwoInstancesOverlappingEvenWithoutTheSweepLock_StillCloseEachWindowOnce()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var (ended, scheduled) = await DueWorkAsync(t);
        await using var other = t.Reopen();

        // The lock makes a second instance skip its pass; under it, the notice's version check and the
        // unique indexes still let only one of two racing passes make each transition and reminder.
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() =>
            ((i % 2 == 0) ? t : other).Get<PublicitySweep>().SweepAsync())));

        results.Sum(r => r.Closed).ShouldBe(ended.Count);
        results.Sum(r => r.Published).ShouldBe(1);
        await ShouldHaveHappenedOnceAsync(t, ended, scheduled);
        var reminders = await t.NotificationsAsync();
        results.Sum(r => r.Reminders).ShouldBe(reminders.Count);
    }

    [PostgresFact]
    public async Task Sweeps_SecondInstanceWhileTheFirstHoldsTheLock_SkipsItsPass()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var (ended, _) = await DueWorkAsync(t);
        await using var other = t.Reopen();

        await using (await XiheWorkflow.Core.Data.DatabaseLocks.TryAcquireAsync(
                         t.Services.GetRequiredService<IDbContextFactory<XiheWorkflow.Core.Data.XiheDbContext>>(),
                         XiheWorkflow.Core.Data.DatabaseLocks.Sweep, CancellationToken.None))
        {
            (await other.Get<PublicitySweep>().RunAsync()).ShouldBe(new PublicitySweep.Result(0, 0, 0));
        }
        (await other.Get<PublicitySweep>().RunAsync()).Closed.ShouldBe(ended.Count);
    }

    [PostgresFact]
    public async Task AuditChain_WritersOnTwoInstancesAtOnce_StayOneUnbrokenChain()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        await using var other = t.Reopen();
        var before = await CountAuditAsync(t);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            await using var db = (i % 2 == 0 ? t : other).NewContext();
            db.AuditEntries.Add(new AuditEntry(t.Clock.GetUtcNow().UtcDateTime, "u1", "张明", "Test.Write", "Test", i.ToString()));
            await db.SaveChangesAsync();
        })));

        (await CountAuditAsync(t)).ShouldBe(before + 20);
        var admin = await t.DemoActorAsync("admin");
        var verified = await t.Get<VerifyAuditChain>().HandleAsync(admin);
        verified.Intact.ShouldBeTrue(verified.FirstBroken?.ToString());
    }

    [PostgresFact]
    public async Task ChangeOnOneInstance_RaisesTheOtherInstancesNotifierOnce()
    {
        await using var t = await TestDatabase.CreateAsync();
        await using var other = t.Reopen();
        using var a = t.BuildHost(s => s.AddHostedService<PostgresChangeRelay>());
        using var b = other.BuildHost(s => s.AddHostedService<PostgresChangeRelay>());
        await Task.WhenAll(a.StartAsync(), b.StartAsync());
        await WaitUntilAsync(async () => await ListenersAsync(t) == 2);
        var onA = a.Services.GetRequiredService<ChangeNotifier>();
        var onB = b.Services.GetRequiredService<ChangeNotifier>();
        int heardOnA = 0, heardOnB = 0;
        onA.Changed += () => Interlocked.Increment(ref heardOnA);
        onB.Changed += () => Interlocked.Increment(ref heardOnB);

        onA.Raise();
        await WaitUntilAsync(() => Task.FromResult(Volatile.Read(ref heardOnB) == 1));
        await Task.Delay(300);

        heardOnB.ShouldBe(1);
        heardOnA.ShouldBe(1, "an instance does not hear its own change a second time");
        await Task.WhenAll(a.StopAsync(), b.StopAsync());
    }

    private static async Task<int> ListenersAsync(TestDatabase t)
    {
        await using var db = t.NewContext();
        var database = new Npgsql.NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()).Database;
        return await db.Database.SqlQuery<int>(
            $"SELECT count(*)::int AS \"Value\" FROM pg_stat_activity WHERE datname = {database} AND query = {"LISTEN " + PostgresChangeRelay.Channel}")
            .SingleAsync();
    }

    /// <summary>Three windows that have ended and one scheduled notice that is due, all at the window's end.</summary>
    private static async Task<(List<int> Ended, int Scheduled)> DueWorkAsync(TestDatabase t)
    {
        var ended = new List<int>();
        for (var i = 0; i < 3; i++) ended.Add(await t.PublishedPublicityAsync($"低保公示 第{i + 1}批"));
        var (scheduled, v) = await t.ApprovedPublicityAsync("硝河乡卫生院改造项目中标候选人公示", category: "招标采购");
        await t.Get<DecideNotice>().HandleAsync(new DecideNotice.Command(scheduled, v, NoticeAction.Schedule,
            ScheduledAtUtc: PublicityKit.WindowEnd.UtcDateTime.AddHours(-1)), await t.DemoActorAsync("officer"));
        t.Clock.SetUtcNow(PublicityKit.WindowEnd);
        return (ended, scheduled);
    }

    private static async Task ShouldHaveHappenedOnceAsync(TestDatabase t, List<int> ended, int scheduled)
    {
        foreach (var id in ended)
        {
            (await t.LoadAsync(id)).State.ShouldBe(NoticeState.PublicityEnded);
            (await t.EventCountAsync(id, NoticeAction.CloseWindow)).ShouldBe(1);
            (await t.AuditOfAsync(id)).Count(a => a.Action == "Notice.CloseWindow").ShouldBe(1);
        }
        (await t.EventCountAsync(scheduled, NoticeAction.Publish)).ShouldBe(1);
        (await t.AuditOfAsync(scheduled)).Count(a => a.Action == "Notice.Publish").ShouldBe(1);
        var reminders = await t.NotificationsAsync();
        reminders.GroupBy(r => (r.Kind, r.NoticeId, r.RecipientUserId, r.Day)).ShouldAllBe(g => g.Count() == 1);
        var admin = await t.DemoActorAsync("admin");
        (await t.Get<VerifyAuditChain>().HandleAsync(admin)).Intact.ShouldBeTrue();
    }

    private static async Task<int> CountAuditAsync(TestDatabase t)
    {
        await using var db = t.NewContext();
        return await db.AuditEntries.CountAsync();
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 200; i++)
        {
            if (await condition()) return;
            await Task.Delay(50);
        }
        (await condition()).ShouldBeTrue("the sweepers did not get there within 10 s");
    }
}
