using XiheWorkflow.Domain.Calendar;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;
using XiheWorkflow.Domain.Publicity;
using static XiheWorkflow.Domain.Tests.Notices.NoticeBuilder;

namespace XiheWorkflow.Domain.Tests.Publicity;

public class NoticePublicityTests
{
    private static readonly NoticeActor Officer = Person("officer", Roles.DisclosureOfficer);

    private static Notice ApprovedPublicity() => InState(NoticeState.Approved, kind: NoticeKind.Publicity);

    [Fact]
    public void Publish_PublicityKind_OpensWindowOnTheNotice()
    {
        var n = ApprovedPublicity();

        n.Apply(NoticeAction.Publish, Officer, T0, new DecisionInput(Publicity: SevenDays));

        n.State.ShouldBe(NoticeState.InPublicity);
        n.PublicityFrom.ShouldBe(new DateOnly(2024, 5, 10));
        n.PublicityTo.ShouldBe(new DateOnly(2024, 5, 16));
        n.PublicityEndsAtUtc.ShouldBe(new DateTime(2024, 5, 16, 16, 0, 0, DateTimeKind.Utc));
        n.PublicityProvisional.ShouldBeFalse();
        n.Window!.Format().ShouldBe("公示期：2024年5月10日至2024年5月16日");
        n.Events[^1].ToState.ShouldBe(NoticeState.InPublicity);
    }

    [Fact]
    public void Publish_PublicityKindWithoutRule_Throws()
    {
        var n = ApprovedPublicity();
        Should.Throw<DomainException>(() => n.Apply(NoticeAction.Publish, Officer, T0)).Code.ShouldBe("Publicity.RuleRequired");
        n.State.ShouldBe(NoticeState.Approved);
    }

    [Fact]
    public void Publish_AnnouncementKind_GoesToPublishedWithoutWindow()
    {
        var n = InState(NoticeState.Approved);
        n.Apply(NoticeAction.Publish, Officer, T0);
        n.State.ShouldBe(NoticeState.Published);
        n.Window.ShouldBeNull();
    }

    [Fact]
    public void Publish_WindowInAYearTheCalendarDoesNotKnow_IsProvisional()
    {
        var n = ApprovedPublicity();
        var late2030 = new DateTime(2030, 5, 10, 1, 0, 0, DateTimeKind.Utc);
        n.Apply(NoticeAction.Publish, Officer, late2030, new DecisionInput(Publicity: SevenDays));
        n.PublicityProvisional.ShouldBeTrue();
    }

    [Fact]
    public void Publish_BySchedulerWithoutSchedule_Throws()
    {
        var n = ApprovedPublicity();
        Should.Throw<DomainException>(() => n.Apply(NoticeAction.Publish, Scheduler, T0, new DecisionInput(Publicity: SevenDays)))
            .Code.ShouldBe("Publicity.NotDue");
    }

    [Fact]
    public void Publish_BySchedulerBeforeScheduledTime_Throws()
    {
        var n = ApprovedPublicity();
        n.Apply(NoticeAction.Schedule, Officer, T0, new DecisionInput(ScheduledAtUtc: T0.AddDays(1)));

        Should.Throw<DomainException>(() => n.Apply(NoticeAction.Publish, Scheduler, T0.AddHours(23), new DecisionInput(Publicity: SevenDays)))
            .Code.ShouldBe("Publicity.NotDue");
        n.State.ShouldBe(NoticeState.Approved);
    }

    [Fact]
    public void Publish_BySchedulerWhenDue_OpensWindowFromTheScheduledDay()
    {
        var n = ApprovedPublicity();
        n.Apply(NoticeAction.Schedule, Officer, T0, new DecisionInput(ScheduledAtUtc: T0.AddDays(1)));

        n.Apply(NoticeAction.Publish, Scheduler, T0.AddDays(1).AddMinutes(1), new DecisionInput(Publicity: SevenDays));

        n.State.ShouldBe(NoticeState.InPublicity);
        n.PublicityFrom.ShouldBe(new DateOnly(2024, 5, 11));
        n.Events[^1].ActorName.ShouldBe("系统");
        n.Events[^2].Action.ShouldBe(NoticeAction.Schedule);
        n.Events[^2].Reason!.ShouldContain("2024年5月11日 09:30");
    }

    [Fact]
    public void Schedule_InThePast_Throws()
    {
        var n = ApprovedPublicity();
        Should.Throw<DomainException>(() => n.Apply(NoticeAction.Schedule, Officer, T0, new DecisionInput(ScheduledAtUtc: T0.AddMinutes(-1))))
            .Code.ShouldBe("Publicity.ScheduleInPast");
        n.ScheduledAtUtc.ShouldBeNull();
    }

    [Fact]
    public void CloseWindow_BeforeItsEnd_Throws()
    {
        var n = InState(NoticeState.InPublicity);
        Should.Throw<DomainException>(() => n.Apply(NoticeAction.CloseWindow, Scheduler, n.PublicityEndsAtUtc!.Value.AddSeconds(-1)))
            .Code.ShouldBe("Publicity.WindowStillOpen");
        n.State.ShouldBe(NoticeState.InPublicity);
    }

    [Fact]
    public void CloseWindow_ByTheOfficer_Throws()
    {
        var n = InState(NoticeState.InPublicity);
        Should.Throw<DomainException>(() => n.Apply(NoticeAction.CloseWindow, Officer, n.PublicityEndsAtUtc!.Value))
            .Code.ShouldBe("Auth.RoleRequired");
    }

    [Theory]
    [InlineData(0, PublicityOutcome.NoObjection, "无异议")]
    [InlineData(2, PublicityOutcome.Objection, "有异议")]
    public void CloseWindow_AtItsEnd_RecordsOutcome(int openObjections, PublicityOutcome outcome, string label)
    {
        var n = Ended(openObjections);
        n.State.ShouldBe(NoticeState.PublicityEnded);
        n.PublicityOutcome.ShouldBe(outcome);
        n.Events[^1].Reason.ShouldBe(label);
    }

    [Fact]
    public void Conclude_AfterWindowWithoutObjection_IsNotOfferedAndThrows()
    {
        var n = Ended(openObjections: 0);
        n.AvailableActions(Officer).ShouldNotContain(NoticeAction.Conclude);
        Should.Throw<DomainException>(() => n.Apply(NoticeAction.Conclude, Officer, T0.AddDays(10), new DecisionInput("办结")))
            .Code.ShouldBe("Publicity.ConcludeNeedsObjection");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Conclude_WithoutResultNote_Throws(string? note)
    {
        var n = Ended(openObjections: 1);
        Should.Throw<DomainException>(() => n.Apply(NoticeAction.Conclude, Officer, T0.AddDays(10), new DecisionInput(note)))
            .Code.ShouldBe("Workflow.ReasonRequired");
        n.State.ShouldBe(NoticeState.PublicityEnded);
    }

    [Fact]
    public void Extend_ToALaterDay_MovesTheEndAndRecordsReason()
    {
        var n = InState(NoticeState.InPublicity);

        n.Apply(NoticeAction.Extend, Officer, T0.AddDays(1), new DecisionInput("收到村民咨询，延长公示", ExtendTo: new DateOnly(2024, 5, 20)));

        n.State.ShouldBe(NoticeState.InPublicity);
        n.PublicityTo.ShouldBe(new DateOnly(2024, 5, 20));
        n.PublicityEndsAtUtc.ShouldBe(new DateTime(2024, 5, 20, 16, 0, 0, DateTimeKind.Utc));
        n.Events[^1].Action.ShouldBe(NoticeAction.Extend);
        n.Events[^1].Reason.ShouldBe("收到村民咨询，延长公示（公示期：2024年5月10日至2024年5月20日）");
    }

    [Theory]
    [InlineData(16)]
    [InlineData(12)]
    public void Extend_ToTheSameOrAnEarlierDay_Throws(int day)
    {
        var n = InState(NoticeState.InPublicity);
        Should.Throw<DomainException>(() => n.Apply(NoticeAction.Extend, Officer, T0, new DecisionInput("理由", ExtendTo: new DateOnly(2024, 5, day))))
            .Code.ShouldBe("Publicity.ExtensionMustLengthen");
        n.PublicityTo.ShouldBe(new DateOnly(2024, 5, 16));
    }

    [Fact]
    public void Extend_WithoutReason_Throws()
    {
        var n = InState(NoticeState.InPublicity);
        Should.Throw<DomainException>(() => n.Apply(NoticeAction.Extend, Officer, T0, new DecisionInput(ExtendTo: new DateOnly(2024, 5, 20))))
            .Code.ShouldBe("Workflow.ReasonRequired");
    }

    [Fact]
    public void RuleFor_AuthorDaysBelowCategoryPeriod_Throws()
    {
        var category = new Category("低保公示", NoticeKind.Publicity, [Channel.NoticeBoard], false, 7, PeriodUnit.CalendarDays, 1);
        Should.Throw<DomainException>(() => category.RuleFor(5)).Code.ShouldBe("Publicity.BelowMinimum");
    }

    [Fact]
    public void RuleFor_AuthorDaysAboveCategoryPeriod_LengthensKeepingTheCounting()
    {
        var category = new Category("干部任前公示", NoticeKind.Publicity, [Channel.NoticeBoard], true, 5, PeriodUnit.WorkingDays, 1);
        category.SetPublicityCounting(publicationDayCounts: false, moveEndOffHoliday: true, timelinessLimitDays: 10);
        category.RuleFor(7).ShouldBe(new PublicityRule(7, PeriodUnit.WorkingDays, false, true));
        category.RuleFor(null).ShouldBe(new PublicityRule(5, PeriodUnit.WorkingDays, false, true));
    }
}

public class TimelinessTests
{
    private static readonly WorkingCalendar Calendar = OfficialCalendar.Shipped;

    [Fact]
    public void Deadline_TwentyWorkingDaysAcrossNationalDay_MatchesTheWorkedExample() =>
        Timeliness.Deadline(new DateOnly(2025, 9, 26), 20, Calendar).ShouldBe(new DateOnly(2025, 10, 30));

    [Theory]
    [InlineData("2025-10-30", false)]
    [InlineData("2025-10-31", true)]
    public void IsLate_PublishedOnOrAfterDeadline_LateOnlyAfter(string published, bool late) =>
        Timeliness.IsLate(new DateOnly(2025, 9, 26), 20, DateOnly.Parse(published), new DateOnly(2025, 12, 1), Calendar).ShouldBe(late);

    [Fact]
    public void IsLate_UnpublishedPastDeadline_IsLate() =>
        Timeliness.IsLate(new DateOnly(2025, 9, 26), 20, null, new DateOnly(2025, 10, 31), Calendar).ShouldBeTrue();

    [Fact]
    public void IsLate_UnpublishedWithinShorterCatalogueLimit_IsNotLate() =>
        Timeliness.IsLate(new DateOnly(2026, 2, 13), 5, null, new DateOnly(2026, 2, 24), Calendar).ShouldBeFalse();
}
