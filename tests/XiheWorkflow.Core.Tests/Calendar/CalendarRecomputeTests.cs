using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Calendar;
using XiheWorkflow.Core.Jobs;
using XiheWorkflow.Core.Requests;
using XiheWorkflow.Core.Tests.Notices;
using XiheWorkflow.Core.Tests.Publicity;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;
using XiheWorkflow.Domain.Publicity;

namespace XiheWorkflow.Core.Tests.Calendar;

/// <summary>
/// Admin enters 2027's holiday arrangement (元旦 1–3 January off) while 公示 published on Monday
/// 28 December 2026 are open with windows counted on weekends only: the open windows are counted
/// again, audited and shown on their timelines; a closed window stays; an application's due date
/// follows because it is computed when read.
/// </summary>
public sealed class CalendarRecomputeTests : IAsyncLifetime
{
    private TestDatabase _t = null!;

    public async Task InitializeAsync()
    {
        _t = await TestDatabase.CreateAsync(seedDemo: true);
        await using var db = _t.NewContext();
        // 特困供养公示 as five working days; both count from the day after publication.
        var workingDays = await db.Categories.SingleAsync(c => c.Name == "特困供养公示");
        workingDays.Update(workingDays.Name, NoticeKind.Publicity, workingDays.DefaultChannels, false, 5, PeriodUnit.WorkingDays);
        workingDays.SetPublicityCounting(publicationDayCounts: false, moveEndOffHoliday: false, workingDays.TimelinessLimitDays);
        var calendarDays = await db.Categories.SingleAsync(c => c.Name == "低保公示");
        calendarDays.SetPublicityCounting(publicationDayCounts: false, moveEndOffHoliday: true, calendarDays.TimelinessLimitDays);
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _t.DisposeAsync();

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private void At(int year, int month, int day, int hour, int minute = 0) =>
        _t.Clock.SetUtcNow(new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.Zero));

    private async Task<int> PublishAsync(string title, string category)
    {
        var (id, v) = await _t.ApprovedPublicityAsync(title, category);
        await _t.DecideAsync(await _t.DemoActorAsync("officer"), id, v, NoticeAction.Publish);
        return id;
    }

    private Task<SaveCalendarYear.Result> Save2027(string[] off, string[] on) =>
        _t.Get<SaveCalendarYear>().HandleAsync(new SaveCalendarYear.Command(2027,
            off.Select(DateOnly.Parse).ToList(), on.Select(DateOnly.Parse).ToList(), "国办发明电〔2026〕7号"), _adminActor!);

    private Actor? _adminActor;

    private async Task<List<NoticeEvent>> RecomputeEventsAsync(int id) =>
        (await _t.LoadAsync(id)).Events.Where(e => e.Action == NoticeAction.RecomputeWindow).ToList();

    [Fact]
    public async Task SaveYear_OpenWindowsCountedAgainAndAudited_ClosedOneStays_ApplicationDueDateFollows()
    {
        _adminActor = await _t.DemoActorAsync("admin");
        // Published Monday 14 December 2026, closed by the sweeper after Monday 21 December.
        At(2026, 12, 14, 2);
        var closed = await PublishAsync("2026年12月城乡低保拟保对象公示", "低保公示");
        var officer = await _t.DemoActorAsync("officer");
        var application = await _t.Get<RegisterApplication>().HandleAsync(new RegisterApplication.Command
        {
            ReceivedOn = D(2026, 12, 14), ApplicantName = "马某", Request = "申请公开2026年冬季取暖补贴发放名单",
        }, officer);

        At(2026, 12, 28, 2);
        await _t.Get<PublicitySweep>().RunAsync();
        (await _t.LoadAsync(closed)).State.ShouldBe(NoticeState.PublicityEnded);
        var working = await PublishAsync("2026年第四季度特困供养人员拟认定公示", "特困供养公示");
        var calendarDays = await PublishAsync("2026年12月低保拟新增对象公示", "低保公示");
        var extended = await PublishAsync("2026年12月低保拟调整对象公示", "低保公示");
        await _t.Get<XiheWorkflow.Core.Notices.DecideNotice>().HandleAsync(new XiheWorkflow.Core.Notices.DecideNotice.Command(
            extended, null, NoticeAction.Extend, "收到村民咨询，延长公示", ExtendTo: D(2027, 1, 8)), officer);

        // Counted on weekends only for 2027: Friday 1 January a working day.
        var w = await _t.LoadAsync(working);
        (w.PublicityFrom, w.PublicityTo, w.PublicityProvisional).ShouldBe((D(2026, 12, 29), D(2027, 1, 4), true));
        var c = await _t.LoadAsync(calendarDays);
        (c.PublicityTo, c.PublicityProvisional).ShouldBe((D(2027, 1, 4), true));
        (await _t.LoadAsync(extended)).PublicityProvisional.ShouldBeTrue();
        var before = (await _t.Get<ApplicationQueries>().DetailsAsync(application.Id, officer))!.Row.Deadline!;
        // 13 working days left in December after the 14th, then 1, 4–8 and 11 January.
        (before.DueDate, before.IsProvisional).ShouldBe((D(2027, 1, 11), true));
        var closedBefore = await _t.LoadAsync(closed);

        At(2026, 12, 28, 3);
        var result = await Save2027(["2027-01-01", "2027-01-02", "2027-01-03"], ["2027-02-07"]);

        result.WindowsRecomputed.ShouldBe(3);
        // Five working days from 29 December: 29, 30, 31 December, 4 and 5 January.
        w = await _t.LoadAsync(working);
        (w.PublicityFrom, w.PublicityTo, w.PublicityProvisional).ShouldBe((D(2026, 12, 29), D(2027, 1, 5), false));
        w.PublicityEndsAtUtc.ShouldBe(new DateTime(2027, 1, 5, 16, 0, 0, DateTimeKind.Utc));
        var e = (await RecomputeEventsAsync(working)).ShouldHaveSingleItem();
        (e.ActorName, e.FromState, e.ToState).ShouldBe((_adminActor.Name, NoticeState.InPublicity, NoticeState.InPublicity));
        e.Reason.ShouldBe("按2027年节假日安排（国办发明电〔2026〕7号）重新计算：公示期延至2027年1月5日（原至2027年1月4日），不再按双休日推算"
            + "（公示期：2026年12月29日至2027年1月5日）");
        CodeLabels.Label(e.Action).ShouldBe("公示期重算");
        // Seven calendar days end on Monday 4 January either way: only the flag goes.
        c = await _t.LoadAsync(calendarDays);
        (c.PublicityTo, c.PublicityProvisional).ShouldBe((D(2027, 1, 4), false));
        (await RecomputeEventsAsync(calendarDays)).ShouldHaveSingleItem().Reason!.ShouldStartWith("按2027年节假日安排（国办发明电〔2026〕7号）重新计算：公示期不变，不再按双休日推算");
        // The officer's extension stands.
        var x = await _t.LoadAsync(extended);
        (x.PublicityTo, x.PublicityProvisional).ShouldBe((D(2027, 1, 8), false));
        // The closed window is as it was.
        var cl = await _t.LoadAsync(closed);
        (cl.State, cl.PublicityTo, cl.Version).ShouldBe((NoticeState.PublicityEnded, closedBefore.PublicityTo, closedBefore.Version));
        (await RecomputeEventsAsync(closed)).ShouldBeEmpty();

        await using (var db = _t.NewContext())
        {
            var audit = await db.AuditEntries.Where(a => a.Action == "Notice.WindowRecomputed").OrderBy(a => a.Sequence).ToListAsync();
            audit.Select(a => a.EntityId).ShouldBe([working.ToString(), calendarDays.ToString(), extended.ToString()], ignoreOrder: true);
            audit.ShouldAllBe(a => a.ActorId == _adminActor.UserId && a.ActorName == _adminActor.Name);
            audit.Single(a => a.EntityId == working.ToString()).Details.ShouldBe("PublicityTo 2027-01-04 → 2027-01-05; provisional True → False");
        }

        // 元旦 off: 4–8, 11 and 12 January complete the twenty working days.
        var after = (await _t.Get<ApplicationQueries>().DetailsAsync(application.Id, officer))!.Row.Deadline!;
        (after.DueDate, after.IsProvisional).ShouldBe((D(2027, 1, 12), false));

        // Saving the same arrangement again changes no window.
        (await Save2027(["2027-01-01", "2027-01-02", "2027-01-03"], ["2027-02-07"])).WindowsRecomputed.ShouldBe(0);
        (await RecomputeEventsAsync(working)).Count.ShouldBe(1);

        // The sweeper closes each window at its new end: 4 January's at 24:00, the 5th's a day later.
        At(2027, 1, 4, 16, 30);
        await _t.Get<PublicitySweep>().RunAsync();
        (await _t.LoadAsync(calendarDays)).State.ShouldBe(NoticeState.PublicityEnded);
        (await _t.LoadAsync(working)).State.ShouldBe(NoticeState.InPublicity);
    }

    /// <summary>
    /// A 调休 Saturday would make the working-day window end on 2 January, earlier than the 4 January
    /// announced: the window keeps its announced end, and only loses the provisional flag.
    /// </summary>
    [Fact]
    public async Task SaveYear_CountWouldEndEarlier_AnnouncedEndKept()
    {
        _adminActor = await _t.DemoActorAsync("admin");
        At(2026, 12, 28, 2);
        var working = await PublishAsync("2026年第四季度特困供养人员拟认定公示", "特困供养公示");
        (await _t.LoadAsync(working)).PublicityTo.ShouldBe(D(2027, 1, 4));

        var result = await Save2027(["2027-10-01"], ["2027-01-02"]);

        result.WindowsRecomputed.ShouldBe(1);
        var w = await _t.LoadAsync(working);
        (w.PublicityTo, w.PublicityProvisional).ShouldBe((D(2027, 1, 4), false));
        PublicityWindow.Compute(w.PublishedAtUtc!.Value, w.Window!.Rule, await _t.Get<CalendarProvider>().GetAsync()).To.ShouldBe(D(2027, 1, 2));
        (await RecomputeEventsAsync(working)).ShouldHaveSingleItem().Reason!.ShouldContain("公示期不变");
    }
}
