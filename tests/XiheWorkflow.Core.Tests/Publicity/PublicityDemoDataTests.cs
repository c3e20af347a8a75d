using XiheWorkflow.Core.Jobs;
using XiheWorkflow.Core.Publicity;
using XiheWorkflow.Core.Tests.Notices;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;
using Microsoft.EntityFrameworkCore;

namespace XiheWorkflow.Core.Tests.Publicity;

public class PublicityDemoDataTests
{
    [Fact]
    public async Task Seed_Demo_OpenWindowsOneClosingTodayAClosedOneAndAScheduledOne()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true, publicityDemo: true);
        var today = ChinaTime.DateOf(t.Clock.GetUtcNow().UtcDateTime);

        var open = await t.Get<PublicityQueries>().OpenWindowsAsync(await t.DemoActorAsync("officer"));

        open.Count.ShouldBe(3);
        open.ShouldContain(w => w.To == today);
        await using var db = t.NewContext();
        (await db.Notices.CountAsync(n => n.State == NoticeState.PublicityEnded)).ShouldBe(1);
        (await db.Notices.CountAsync(n => n.State == NoticeState.Approved && n.ScheduledAtUtc != null)).ShouldBe(1);
        (await db.Notices.CountAsync(n => n.State == NoticeState.Published)).ShouldBe(1);
        (await db.Notices.Where(n => n.IndexNumber != null).Select(n => n.IndexNumber).Distinct().CountAsync()).ShouldBe(5);
    }

    [Fact]
    public async Task Sweep_RightAfterSeeding_ClosesNothingUntilMidnightThenTheOneClosingToday()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true, publicityDemo: true);
        (await t.Get<PublicitySweep>().RunAsync()).Closed.ShouldBe(0);

        var today = ChinaTime.DateOf(t.Clock.GetUtcNow().UtcDateTime);
        t.Clock.SetUtcNow(ChinaTime.EndOfDayUtc(today));
        var result = await t.Get<PublicitySweep>().RunAsync();

        result.Closed.ShouldBe(1);
        result.Published.ShouldBe(0, "the scheduled one is due at 09:00 tomorrow");
    }
}
