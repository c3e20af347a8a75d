using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Tests.Notices;
using XiheWorkflow.Domain.Notices;

namespace XiheWorkflow.Core.Tests.Faults;

/// <summary>
/// The power goes (kill -9) in the middle of a burst of review decisions: every decision the
/// process had acknowledged is there after restart with its event and its audit entry, no notice
/// is left half-changed, the file and the audit chain are intact, and the work carries on.
/// </summary>
public sealed class KillDuringDecisionsTests : IAsyncLifetime
{
    // A decision takes a few milliseconds here, so 450 of them outlast the kill by far.
    private const int Notices = 150;
    private static readonly NoticeAction[] Burst = [NoticeAction.Approve, NoticeAction.Approve, NoticeAction.Publish];
    private TestDatabase _t = default!;

    public async Task InitializeAsync() => _t = await TestDatabase.CreateAsync(seedDemo: true);

    public async Task DisposeAsync() => await _t.DisposeAsync();

    [Theory]
    [InlineData(7)]
    [InlineData(151)]
    public async Task KillNine_MidDecisionBurst_AcknowledgedDecisionsKeptAndNoNoticeHalfChanged(int killAfter)
    {
        var staff = await _t.DemoActorAsync("staff");
        var ids = new List<int>();
        for (var i = 1; i <= Notices; i++) ids.Add((await _t.SubmittedAsync(staff, title: $"硝河乡第{i}期工作简报")).Id);
        SqliteConnection.ClearAllPools();

        var acknowledged = new List<(int Id, NoticeAction Action)>();
        using (var drill = FaultKit.Start("xihe-fault-drill", "decide", _t.DataDirectory))
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (acknowledged.Count < killAfter && await drill.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
                acknowledged.Add(Parse(line));
            if (drill.HasExited)
                throw new InvalidOperationException($"the burst ended (exit {drill.ExitCode}) before it could be killed: {await drill.StandardError.ReadToEndAsync()}");
            await FaultKit.KillNineAsync(drill);
            // Lines already in the pipe were written after their commit returned: they count too.
            while (await drill.StandardOutput.ReadLineAsync() is { } line) acknowledged.Add(Parse(line));
        }
        acknowledged.Count.ShouldBeLessThan(Notices * Burst.Length, "the kill came after the burst ended");

        (await FaultKit.IntegrityCheckAsync(_t.DataDirectory)).ShouldBe("ok");
        await FaultKit.AuditChainIntactAsync(_t.DataDirectory);
        var decided = await CheckEveryNoticeWholeAsync(ids);
        foreach (var group in acknowledged.GroupBy(a => a.Id))
        {
            decided[group.Key].Take(group.Count()).ShouldBe(group.Select(a => a.Action), $"notice {group.Key}");
        }
        // At most the one decision in flight committed without being acknowledged.
        decided.Values.Sum(d => d.Count).ShouldBeInRange(acknowledged.Count, acknowledged.Count + 1);

        // After the restart the same burst finishes what was left; nothing half-written stands in its way.
        var (code, _, error) = await FaultKit.RunAsync("xihe-fault-drill", "decide", _t.DataDirectory);
        code.ShouldBe(0, error);
        (await CheckEveryNoticeWholeAsync(ids)).Values.ShouldAllBe(d => d.SequenceEqual(Burst));
        await FaultKit.AuditChainIntactAsync(_t.DataDirectory);
    }

    private static (int Id, NoticeAction Action) Parse(string line)
    {
        var parts = line.Split(' ');
        parts[0].ShouldBe("ack", line);
        return (int.Parse(parts[1]), Enum.Parse<NoticeAction>(parts[2]));
    }

    /// <summary>
    /// Each notice's state, stage, index number and version agree with its history, and every event
    /// has its audit entry (and no audit entry lacks its event). Returns the decisions after submit.
    /// </summary>
    private async Task<Dictionary<int, List<NoticeAction>>> CheckEveryNoticeWholeAsync(List<int> ids)
    {
        await using var db = _t.NewContext();
        var notices = await db.Notices.AsNoTracking().Include(n => n.Events).Where(n => ids.Contains(n.Id)).ToListAsync();
        var audit = (await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "Notice" && a.Action != "Notice.Refused")
                .OrderBy(a => a.Sequence).ToListAsync())
            .GroupBy(a => int.Parse(a.EntityId!)).ToDictionary(g => g.Key, g => g.ToList());
        var decided = new Dictionary<int, List<NoticeAction>>();
        notices.Count.ShouldBe(ids.Count);
        foreach (var n in notices)
        {
            var events = n.Events.OrderBy(e => e.Sequence).ToList();
            events.Select(e => e.Sequence).ShouldBe(Enumerable.Range(1, events.Count), $"notice {n.Id}");
            events[0].Action.ShouldBe(NoticeAction.Submit);
            var after = events.Skip(1).Select(e => e.Action).ToList();
            after.ShouldBe(Burst.Take(after.Count), $"notice {n.Id}");
            decided[n.Id] = after;

            n.State.ShouldBe(events[^1].ToState, $"notice {n.Id}");
            switch (after.Count)
            {
                case 0 or 1:
                    n.State.ShouldBe(NoticeState.InReview);
                    n.StageIndex.ShouldBe(after.Count, $"notice {n.Id}");
                    break;
                case 2:
                    n.State.ShouldBe(NoticeState.Approved, $"notice {n.Id}");
                    break;
                default:
                    n.State.ShouldBe(NoticeState.Published, $"notice {n.Id}");
                    n.IndexNumber.ShouldNotBeNull();
                    n.PublishedAtUtc.ShouldNotBeNull();
                    break;
            }
            if (after.Count < 3) n.IndexNumber.ShouldBeNull($"notice {n.Id}");

            // Creation is audited but is no event of the workflow; everything after it is both.
            var entries = audit[n.Id].Where(a => a.Action != "Notice.Created").ToList();
            entries.Select(a => (a.Action, a.FromState, a.ToState))
                .ShouldBe(events.Select(e => ($"Notice.{e.Action}", (string?)e.FromState.ToString(), (string?)e.ToState.ToString())), $"notice {n.Id}");
        }
        return decided;
    }
}
