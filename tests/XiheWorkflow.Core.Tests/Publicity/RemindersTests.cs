using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Jobs;
using XiheWorkflow.Core.Notices;
using XiheWorkflow.Core.Publicity;
using XiheWorkflow.Core.Tests.Notices;
using XiheWorkflow.Domain.Notices;

namespace XiheWorkflow.Core.Tests.Publicity;

public class RemindersTests
{
    private static async Task<string> UserIdAsync(TestDatabase t, string userName) => (await t.DemoActorAsync(userName)).UserId!;

    [Fact]
    public async Task Sweep_WindowClosingWithinOneWorkingDay_RemindsAuthorAndOfficerOncePerDay()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var id = await t.PublishedPublicityAsync();
        await t.Get<PublicitySweep>().RunAsync();
        (await t.NotificationsAsync()).ShouldBeEmpty();

        // Wednesday 15 May: the window ends on Thursday, the next working day.
        t.Clock.SetUtcNow(new DateTimeOffset(2024, 5, 15, 1, 0, 0, TimeSpan.Zero));
        await t.Get<PublicitySweep>().RunAsync();
        await t.Get<PublicitySweep>().RunAsync();

        var reminders = await t.NotificationsAsync();
        reminders.Select(r => r.RecipientUserId).ShouldBe([await UserIdAsync(t, "staff2"), await UserIdAsync(t, "officer")], ignoreOrder: true);
        reminders.ShouldAllBe(r => r.Kind == NotificationKind.WindowClosing && r.NoticeId == id);
        reminders[0].Text.ShouldBe("「2024年5月城乡低保拟保对象公示」公示期将于2024年5月16日24时期满。");
    }

    [Fact]
    public async Task Sweep_ReviewWaitingMoreThanTwoWorkingDays_RemindsTheStagesRoleHolders()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        await t.SubmittedAsync(await t.DemoActorAsync("staff"));
        // Submitted Friday 10 May; Saturday 11 May is a 调休 working day, so Monday 13 May is 2
        // working days later and Tuesday 14 May 3.
        t.Clock.SetUtcNow(new DateTimeOffset(2024, 5, 13, 2, 0, 0, TimeSpan.Zero));
        await t.Get<PublicitySweep>().RunAsync();
        (await t.NotificationsAsync()).ShouldBeEmpty();

        t.Clock.SetUtcNow(new DateTimeOffset(2024, 5, 14, 2, 0, 0, TimeSpan.Zero));
        await t.Get<PublicitySweep>().RunAsync();

        var reminder = (await t.NotificationsAsync()).ShouldHaveSingleItem();
        reminder.Kind.ShouldBe(NotificationKind.ReviewWaiting);
        reminder.RecipientUserId.ShouldBe(await UserIdAsync(t, "leader"));
        reminder.Text.ShouldContain("分管领导环节等待3个工作日");
    }

    [Fact]
    public async Task Sweep_UnpublishedPastTimelinessLimit_RemindsAuthorAndOfficer()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        // Formed 10 April; 20 working days later is 10 May (with the May Day holiday), so it is late from 11 May.
        await t.ApprovedPublicityAsync(formedOn: new DateOnly(2024, 4, 10));
        await t.Get<PublicitySweep>().RunAsync();
        (await t.NotificationsAsync()).Where(n => n.Kind == NotificationKind.Timeliness).ShouldBeEmpty();

        t.Clock.Advance(TimeSpan.FromDays(1));
        await t.Get<PublicitySweep>().RunAsync();

        var late = (await t.NotificationsAsync()).Where(n => n.Kind == NotificationKind.Timeliness).ToList();
        late.Count.ShouldBe(2);
        late[0].Text.ShouldContain("超过20个工作日的公开时限");
    }

    [Fact]
    public async Task MarkRead_OwnReminders_UnreadCountDropsToZero()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        await t.PublishedPublicityAsync();
        t.Clock.SetUtcNow(new DateTimeOffset(2024, 5, 15, 1, 0, 0, TimeSpan.Zero));
        await t.Get<PublicitySweep>().RunAsync();
        var officer = await t.DemoActorAsync("officer");
        var centre = t.Get<NotificationCentre>();
        (await centre.UnreadCountAsync(officer)).ShouldBe(1);
        var raised = 0;
        t.Get<ChangeNotifier>().Changed += () => raised++;

        await centre.MarkReadAsync(officer);

        (await centre.UnreadCountAsync(officer)).ShouldBe(0);
        (await centre.UnreadCountAsync(await t.DemoActorAsync("staff2"))).ShouldBe(1);
        raised.ShouldBe(1);
    }
}

public class ChangeNotifierTests
{
    [Fact]
    public async Task NoticeChange_Saved_RaisesTheNotifierSoOpenPagesRefresh()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var staff = await t.DemoActorAsync("staff");
        var draft = await t.DraftAsync(staff);
        var raised = 0;
        t.Get<ChangeNotifier>().Changed += () => raised++;

        await t.Get<SubmitNotice>().HandleAsync(new SubmitNotice.Command(draft.NoticeId, draft.Version), staff);

        raised.ShouldBe(1);
    }

    [Fact]
    public void Raise_AHandlerThrows_TheOthersStillHear()
    {
        var notifier = new ChangeNotifier();
        var heard = false;
        notifier.Changed += () => throw new InvalidOperationException("a closed circuit");
        notifier.Changed += () => heard = true;

        notifier.Raise();

        heard.ShouldBeTrue();
    }
}
