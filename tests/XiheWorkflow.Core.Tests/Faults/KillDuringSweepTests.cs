using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Calendar;
using XiheWorkflow.Core.Notices;
using XiheWorkflow.Core.Tests.Notices;
using XiheWorkflow.Domain.Notices;
using XiheWorkflow.Domain.Publicity;

namespace XiheWorkflow.Core.Tests.Faults;

/// <summary>
/// The power goes (kill -9) while the sweeper is closing a long backlog of ended publicity windows
/// (the app was down for a week): after restart the next sweep closes the rest, and every window
/// is closed exactly once — one CloseWindow event and one audit entry per notice.
/// </summary>
public sealed class KillDuringSweepTests : IAsyncLifetime
{
    private const int Windows = 200;
    private TestDatabase _t = default!;

    public async Task InitializeAsync() => _t = await TestDatabase.CreateAsync(seedDemo: true);

    public async Task DisposeAsync() => await _t.DisposeAsync();

    [Fact]
    public async Task KillNine_MidSweep_NextSweepClosesTheRestAndEachWindowExactlyOnce()
    {
        var ids = await PublishedWindowsAsync(Windows);
        SqliteConnection.ClearAllPools();

        int closedAtKill;
        await using (var watchContext = _t.NewContext())
        await using (var watch = TestDatabase.IsPostgres ? watchContext.Database.GetDbConnection()
                         : new SqliteConnection($"Data Source={Path.Combine(_t.DataDirectory, "xihe.db")};Pooling=False"))
        {
            await watch.OpenAsync();
            await using var count = watch.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM \"Notices\" WHERE \"State\" = 'PublicityEnded'";
            using var drill = FaultKit.Start("xihe-fault-drill", "sweep", _t.DataDirectory);
            var deadline = DateTime.UtcNow.AddSeconds(60);
            // Killed once a tenth of the windows are closed: well inside the pass, not before or after it.
            while (!drill.HasExited && DateTime.UtcNow < deadline && Convert.ToInt32(await count.ExecuteScalarAsync()) < Windows / 10)
                await Task.Delay(2);
            if (drill.HasExited)
                throw new InvalidOperationException($"the sweep ended (exit {drill.ExitCode}) before it could be killed: {await drill.StandardError.ReadToEndAsync()}");
            await FaultKit.KillNineAsync(drill);
            closedAtKill = Convert.ToInt32(await count.ExecuteScalarAsync());
        }
        closedAtKill.ShouldBeInRange(Windows / 10, Windows - 1, "the kill came after the sweep had closed every window");
        (await FaultKit.IntegrityCheckAsync(_t.DataDirectory)).ShouldBe("ok");
        await FaultKit.AuditChainIntactAsync(_t.DataDirectory);

        // The restart: the sweeper's first pass catches up, a second one finds nothing left.
        var (code, output, error) = await FaultKit.RunAsync("xihe-fault-drill", "sweep", _t.DataDirectory);
        code.ShouldBe(0, error);
        output.Trim().ShouldBe($"swept {Windows - closedAtKill}");
        (code, output, error) = await FaultKit.RunAsync("xihe-fault-drill", "sweep", _t.DataDirectory);
        code.ShouldBe(0, error);
        output.Trim().ShouldBe("swept 0");

        (await FaultKit.IntegrityCheckAsync(_t.DataDirectory)).ShouldBe("ok");
        await FaultKit.AuditChainIntactAsync(_t.DataDirectory);
        await using var db = _t.NewContext();
        var states = await db.Notices.AsNoTracking().Where(n => ids.Contains(n.Id))
            .Select(n => new { n.State, n.PublicityOutcome }).ToListAsync();
        states.ShouldAllBe(n => n.State == NoticeState.PublicityEnded && n.PublicityOutcome == PublicityOutcome.NoObjection);
        var events = await db.NoticeEvents.AsNoTracking().Where(e => e.Action == NoticeAction.CloseWindow)
            .GroupBy(e => e.NoticeId).Select(g => new { Id = g.Key, Count = g.Count() }).ToListAsync();
        events.Select(e => e.Id).Order().ShouldBe(ids);
        events.ShouldAllBe(e => e.Count == 1);
        var audited = await db.AuditEntries.AsNoTracking().Where(a => a.Action == "Notice.CloseWindow")
            .GroupBy(a => a.EntityId).Select(g => new { Id = g.Key, Count = g.Count() }).ToListAsync();
        audited.Select(a => int.Parse(a.Id!)).Order().ShouldBe(ids);
        audited.ShouldAllBe(a => a.Count == 1);
    }

    /// <summary>
    /// 低保 公示 published on 2024-05-10 (the test clock) through the aggregate's own transitions,
    /// saved at once: the backlog is the input here, and a thousand use-case calls would only slow
    /// the test. The drill runs on the real clock, long after these windows ended.
    /// </summary>
    private async Task<List<int>> PublishedWindowsAsync(int count)
    {
        var now = _t.Clock.GetUtcNow().UtcDateTime;
        var calendar = await _t.Get<CalendarProvider>().GetAsync();
        await using var db = _t.NewContext();
        var category = await db.Categories.AsNoTracking().SingleAsync(c => c.Name == "低保公示");
        var office = await _t.OfficeIdAsync("民生服务中心");
        var staff = await NoticeActors.LoadAsync(db, await _t.DemoActorAsync("staff2"), default);
        var leader = await NoticeActors.LoadAsync(db, await _t.DemoActorAsync("leader"), default);
        var officer = await NoticeActors.LoadAsync(db, await _t.DemoActorAsync("officer"), default);
        var terms = new PublicityTerms(category.RuleFor(null)!, calendar);
        var notices = new List<Notice>();
        for (var i = 1; i <= count; i++)
        {
            var n = Notice.Draft(new NoticeContent
            {
                Title = $"2024年5月第{i}批城乡低保拟保对象公示", BodyHtml = "<p>经村民代表会议评议，拟将以下家庭纳入最低生活保障。</p>",
                CategoryId = category.Id, OfficeId = office, Kind = NoticeKind.Publicity, LegalBasis = "《最低生活保障审核确认办法》第十九条",
            }, staff, now);
            n.Submit(staff, [WorkflowStage.SupervisingLeader, WorkflowStage.DisclosureOfficer], now);
            n.Apply(NoticeAction.Approve, leader, now);
            n.Apply(NoticeAction.Approve, officer, now);
            n.Apply(NoticeAction.Publish, officer, now, new DecisionInput(Publicity: terms, ReviewMonths: category.ReviewMonths));
            n.State.ShouldBe(NoticeState.InPublicity);
            notices.Add(n);
        }
        db.Notices.AddRange(notices);
        await db.SaveChangesAsync();
        return notices.Select(n => n.Id).ToList();
    }
}
