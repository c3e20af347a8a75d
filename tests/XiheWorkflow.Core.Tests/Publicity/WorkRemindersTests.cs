using XiheWorkflow.Core.Comments;
using XiheWorkflow.Core.Jobs;
using XiheWorkflow.Core.Publicity;
using XiheWorkflow.Core.Requests;
using XiheWorkflow.Core.Tests.Notices;
using XiheWorkflow.Domain.Comments;
using XiheWorkflow.Domain.Notices;

namespace XiheWorkflow.Core.Tests.Publicity;

public class WorkRemindersTests
{
    [Fact]
    public async Task Sweep_ApplicationDueWithinThreeWorkingDaysThenOverdue_RemindsTheOfficer()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var officer = await t.DemoActorAsync("officer");
        var registered = await t.Get<RegisterApplication>().HandleAsync(new RegisterApplication.Command
        {
            ReceivedOn = new DateOnly(2024, 5, 10), ApplicantName = "马某", Request = "申请公开2023年低保资金发放明细",
        }, officer);

        await t.Get<PublicitySweep>().RunAsync();
        (await t.NotificationsAsync()).ShouldNotContain(n => n.Kind == NotificationKind.ApplicationDueSoon);

        // Due 20 working days after Friday 10 May 2024 (Saturday 11 May a make-up day): Friday 7 June.
        t.Clock.SetUtcNow(new DateTimeOffset(2024, 6, 4, 1, 0, 0, TimeSpan.Zero));
        await t.Get<PublicitySweep>().RunAsync();
        var dueSoon = (await t.NotificationsAsync()).Where(n => n.Kind == NotificationKind.ApplicationDueSoon).ToList();
        dueSoon.ShouldHaveSingleItem().RecipientUserId.ShouldBe(officer.UserId);
        dueSoon[0].NoticeId.ShouldBe(registered.Id);
        NotificationLinks.For(dueSoon[0].Kind, dueSoon[0].NoticeId).ShouldBe($"/requests/{registered.Id}");

        t.Clock.SetUtcNow(new DateTimeOffset(2024, 6, 12, 1, 0, 0, TimeSpan.Zero));
        await t.Get<PublicitySweep>().RunAsync();
        await t.Get<PublicitySweep>().RunAsync();
        (await t.NotificationsAsync()).Count(n => n.Kind == NotificationKind.ApplicationOverdue).ShouldBe(1);
    }

    /// <summary>
    /// 补正期限: an application waiting for a supplement has no due date, so without this it would sit
    /// as 等待补正 forever. Once the deadline passes it is listed as 已逾期, says why, and the officer is
    /// reminded once a day until they reply 逾期不补正; nothing closes it by itself.
    /// </summary>
    [Fact]
    public async Task Sweep_SupplementDeadlinePassed_FlagsTheApplicationAndRemindsUntilTheOfficerCloses()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var officer = await t.DemoActorAsync("officer");
        var registered = await t.Get<RegisterApplication>().HandleAsync(new RegisterApplication.Command
        {
            ReceivedOn = new DateOnly(2024, 5, 10), ApplicantName = "马某", Request = "申请公开村里的那个项目",
        }, officer);
        var version = await t.Get<RecordApplicationStep>().HandleAsync(new RecordApplicationStep.Command
        {
            ApplicationId = registered.Id, Version = registered.Version, Step = ApplicationStep.RequestSupplement,
            On = new DateOnly(2024, 5, 10), SupplementDueOn = new DateOnly(2024, 5, 20),
        }, officer);
        var queries = t.Get<ApplicationQueries>();
        async Task<List<Notification>> SupplementReminders() =>
            (await t.NotificationsAsync()).Where(n => n.Kind == NotificationKind.SupplementOverdue).ToList();

        // On the deadline itself (Monday 20 May, 09:00 Shanghai) the applicant still has the day.
        t.Clock.SetUtcNow(new DateTimeOffset(2024, 5, 20, 1, 0, 0, TimeSpan.Zero));
        await t.Get<PublicitySweep>().RunAsync();
        (await SupplementReminders()).ShouldBeEmpty();
        (await queries.ListAsync(ApplicationFilter.Overdue, officer)).ShouldBeEmpty();
        (await queries.ListAsync(ApplicationFilter.Open, officer)).Single().Deadline!.SupplementMissed.ShouldBeFalse();

        // The day after: flagged, listed as overdue, and the officer reminded once (two sweeps).
        t.Clock.SetUtcNow(new DateTimeOffset(2024, 5, 21, 1, 0, 0, TimeSpan.Zero));
        await t.Get<PublicitySweep>().RunAsync();
        await t.Get<PublicitySweep>().RunAsync();
        var reminder = (await SupplementReminders()).ShouldHaveSingleItem();
        reminder.RecipientUserId.ShouldBe(officer.UserId);
        reminder.NoticeId.ShouldBe(registered.Id);
        reminder.Text.ShouldContain("2024年5月20日");
        reminder.Text.ShouldContain("逾期不补正");
        NotificationLinks.For(reminder.Kind, reminder.NoticeId).ShouldBe($"/requests/{registered.Id}");
        var row = (await queries.ListAsync(ApplicationFilter.Overdue, officer)).ShouldHaveSingleItem();
        row.Id.ShouldBe(registered.Id);
        row.IsOpen.ShouldBeTrue();
        row.Deadline!.Pause.ShouldBe(Domain.Requests.ClockPause.AwaitingSupplement);
        (row.Deadline.SupplementMissed, row.Deadline.SupplementDueOn).ShouldBe((true, new DateOnly(2024, 5, 20)));
        row.Deadline.Reasons.ShouldContain("补正期限2024年5月20日已过，申请人未补正，可按逾期不补正办结。");

        // Still open a week later, reminded again that day; the officer then replies 逾期不补正.
        t.Clock.SetUtcNow(new DateTimeOffset(2024, 5, 28, 1, 0, 0, TimeSpan.Zero));
        await t.Get<PublicitySweep>().RunAsync();
        (await SupplementReminders()).Count.ShouldBe(2);
        (await queries.DetailsAsync(registered.Id, officer))!.Row.Outcome.ShouldBeNull();
        await t.Get<ReplyApplication>().HandleAsync(new ReplyApplication.Command
        {
            ApplicationId = registered.Id, Version = version, Outcome = Domain.Requests.ApplicationOutcome.OtherNoSupplement,
            RepliedOn = new DateOnly(2024, 5, 28),
        }, officer);
        t.Clock.SetUtcNow(new DateTimeOffset(2024, 5, 29, 1, 0, 0, TimeSpan.Zero));
        await t.Get<PublicitySweep>().RunAsync();
        (await SupplementReminders()).Count.ShouldBe(2);
        (await queries.ListAsync(ApplicationFilter.Overdue, officer)).ShouldBeEmpty();
    }

    /// <summary>A supplement that arrived in time: no flag, no reminder, the clock runs again.</summary>
    [Fact]
    public async Task Sweep_SupplementReceived_NoSupplementReminderAfterTheDeadline()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var officer = await t.DemoActorAsync("officer");
        var registered = await t.Get<RegisterApplication>().HandleAsync(new RegisterApplication.Command
        {
            ReceivedOn = new DateOnly(2024, 5, 10), ApplicantName = "马某", Request = "申请公开村里的那个项目",
        }, officer);
        var step = t.Get<RecordApplicationStep>();
        var version = await step.HandleAsync(new RecordApplicationStep.Command
        {
            ApplicationId = registered.Id, Version = registered.Version, Step = ApplicationStep.RequestSupplement,
            On = new DateOnly(2024, 5, 10), SupplementDueOn = new DateOnly(2024, 5, 20),
        }, officer);
        t.Clock.SetUtcNow(new DateTimeOffset(2024, 5, 17, 1, 0, 0, TimeSpan.Zero));
        await step.HandleAsync(new RecordApplicationStep.Command
        {
            ApplicationId = registered.Id, Version = version, Step = ApplicationStep.ReceiveSupplement, On = new DateOnly(2024, 5, 17),
        }, officer);

        t.Clock.SetUtcNow(new DateTimeOffset(2024, 5, 22, 1, 0, 0, TimeSpan.Zero));
        await t.Get<PublicitySweep>().RunAsync();
        (await t.NotificationsAsync()).ShouldNotContain(n => n.Kind == NotificationKind.SupplementOverdue);
        var row = (await t.Get<ApplicationQueries>().ListAsync(ApplicationFilter.Open, officer)).Single();
        (row.Deadline!.SupplementMissed, row.Deadline.Pause).ShouldBe((false, Domain.Requests.ClockPause.None));
    }

    [Fact]
    public async Task Sweep_CommentUnansweredPastItsDate_RemindsAuthorAndOfficer()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var staff = await t.DemoActorAsync("staff");
        var (id, version) = await t.SubmittedAsync(staff);
        version = await t.DecideAsync(await t.DemoActorAsync("leader"), id, version, NoticeAction.Approve);
        var officer = await t.DemoActorAsync("officer");
        version = await t.DecideAsync(officer, id, version, NoticeAction.Approve);
        await t.DecideAsync(officer, id, version, NoticeAction.Publish);
        await t.Get<RecordComment>().HandleAsync(new RecordComment.Command(id, CommentSource.Phone, CommentKind.Inquiry, "何时发放？", null, null), staff);

        t.Clock.SetUtcNow(new DateTimeOffset(2024, 5, 20, 1, 0, 0, TimeSpan.Zero));
        await t.Get<PublicitySweep>().RunAsync();

        var overdue = (await t.NotificationsAsync()).Where(n => n.Kind == NotificationKind.CommentOverdue).ToList();
        overdue.Select(n => n.RecipientUserId).ShouldBe([staff.UserId, officer.UserId], ignoreOrder: true);
        overdue.ShouldAllBe(n => n.NoticeId == id);
    }

    [Fact]
    public async Task Sweep_InJanuary_RemindsThatLastYearsReportIsDue()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        t.Clock.SetUtcNow(new DateTimeOffset(2025, 1, 6, 1, 0, 0, TimeSpan.Zero));
        await t.Get<PublicitySweep>().RunAsync();
        var due = (await t.NotificationsAsync()).Where(n => n.Kind == NotificationKind.AnnualReportDue).ToList();
        due.ShouldHaveSingleItem().NoticeId.ShouldBe(2024);
        due[0].Text.ShouldContain("2025年1月31日");

        t.Clock.SetUtcNow(new DateTimeOffset(2025, 3, 3, 1, 0, 0, TimeSpan.Zero));
        await t.Get<PublicitySweep>().RunAsync();
        (await t.NotificationsAsync()).Count(n => n.Kind == NotificationKind.AnnualReportDue).ShouldBe(1);
    }
}

public class ObjectionWindowTests
{
    [Fact]
    public async Task PublicObjection_WindowClosesWithObjection_ConcludeWaitsForTheAnswer()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var id = await t.PublishedPublicityAsync();
        var submitted = await t.Get<SubmitPublicComment>().HandleAsync(
            new SubmitPublicComment.Command(id, "马某某家有经营性收入，不符合条件。", null, null, CommentKind.Objection));
        submitted.Outcome.ShouldBe(SubmitPublicComment.Outcome.Created);

        t.Clock.SetUtcNow(PublicityKit.WindowEnd);
        await t.Get<PublicitySweep>().RunAsync();
        var notice = await t.LoadAsync(id);
        notice.State.ShouldBe(NoticeState.PublicityEnded);
        notice.PublicityOutcome.ShouldBe(PublicityOutcome.Objection);
        (await t.Get<SubmitPublicComment>().HandleAsync(new SubmitPublicComment.Command(id, "晚到的意见", null, null))).Outcome
            .ShouldBe(SubmitPublicComment.Outcome.NotInPublicity);

        var officer = await t.DemoActorAsync("officer");
        var e = await Should.ThrowAsync<XiheWorkflow.Domain.Common.DomainException>(() =>
            t.DecideAsync(officer, id, notice.Version, NoticeAction.Conclude, "经复核，维持公示结果。"));
        e.Code.ShouldBe("Publicity.ObjectionsOpen");

        var comment = (await t.Get<CommentQueries>().ForNoticeAsync(id, officer)).Single();
        await t.Get<RespondToComment>().HandleAsync(new RespondToComment.Command(comment.Id, comment.Version, CommentStatus.NotAdopted,
            "经入户核实，该经营已于今年停止，不予采纳。"), officer);
        await t.DecideAsync(officer, id, notice.Version, NoticeAction.Conclude, "经复核，维持公示结果。");
        (await t.LoadAsync(id)).State.ShouldBe(NoticeState.Concluded);
    }
}
