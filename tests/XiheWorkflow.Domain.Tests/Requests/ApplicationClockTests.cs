using XiheWorkflow.Domain.Calendar;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Requests;

namespace XiheWorkflow.Domain.Tests.Requests;

public class ApplicationClockTests
{
    private static readonly WorkingCalendar Calendar = OfficialCalendar.Shipped;

    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd");

    private static ApplicationDeadline Compute(string today, params ClockEvent[] events) =>
        ApplicationClock.Compute(events, D(today), Calendar);

    [Theory]
    [InlineData("2025-09-26", "2025-10-30")]
    [InlineData("2026-02-13", "2026-03-19")]
    [InlineData("2024-12-31", "2025-02-05")]
    [InlineData("2026-09-18", "2026-10-22")]
    public void Compute_WorkedExample_DueTwentyWorkingDaysAfterReceipt(string received, string due)
    {
        var result = Compute(received, ClockEvent.Received(D(received)));
        result.DueDate.ShouldBe(D(due));
        result.WorkingDaysLeft.ShouldBe(20);
        result.IsPaused.ShouldBeFalse();
        result.IsProvisional.ShouldBeFalse();
    }

    [Fact]
    public void Compute_ReceivedFridayBeforeNationalDay_SkipsHolidayCountsMakeUpDays()
    {
        // 2025-09-28 (Sunday) and 2025-10-11 (Saturday) are worked; 10-01..10-08 are off.
        var result = Compute("2025-10-09", ClockEvent.Received(D("2025-09-26")));
        result.DueDate.ShouldBe(D("2025-10-30"));
        result.WorkingDaysLeft.ShouldBe(16);
        result.Reasons[0].ShouldBe("2025年9月26日收到申请，应自收到之日起20个工作日内答复（收到当日不计）：2025年10月30日。");
    }

    [Theory]
    [InlineData("2025-10-28", 2, false)]
    [InlineData("2025-10-30", 0, false)]
    [InlineData("2025-10-31", -1, true)]
    [InlineData("2025-11-01", -1, true)]
    [InlineData("2025-11-03", -2, true)]
    public void Compute_TodayAroundDueDate_CountsWorkingDaysLeft(string today, int left, bool overdue)
    {
        var result = Compute(today, ClockEvent.Received(D("2025-09-26")));
        result.WorkingDaysLeft.ShouldBe(left);
        result.IsOverdue.ShouldBe(overdue);
    }

    [Fact]
    public void Compute_WeekendRightAfterFridayDueDate_AlreadyOverdue()
    {
        var result = Compute("2024-03-30", ClockEvent.Received(D("2024-03-01")));
        result.DueDate.ShouldBe(D("2024-03-29"));
        result.IsOverdue.ShouldBeTrue();
        result.WorkingDaysLeft.ShouldBe(-1);
    }

    [Fact]
    public void Compute_ExtensionGranted_AddsWorkingDays()
    {
        var result = Compute("2025-10-20",
            ClockEvent.Received(D("2025-09-26")),
            ClockEvent.ExtensionGranted(D("2025-10-20"), 20));
        result.DueDate.ShouldBe(D("2025-11-27"));
        result.Reasons.ShouldContain("2025年10月20日经批准延期20个工作日，答复期限延至2025年11月27日。");
    }

    [Fact]
    public void Compute_SecondExtension_Throws() =>
        Should.Throw<DomainException>(() => Compute("2025-11-20",
            ClockEvent.Received(D("2025-09-26")),
            ClockEvent.ExtensionGranted(D("2025-10-20"), 10),
            ClockEvent.ExtensionGranted(D("2025-11-10"), 10))).Code.ShouldBe("Application.ExtensionAlreadyGranted");

    [Theory]
    [InlineData(0)]
    [InlineData(21)]
    public void Compute_ExtensionOutOfRange_Throws(int days) =>
        Should.Throw<DomainException>(() => Compute("2025-10-20",
            ClockEvent.Received(D("2025-09-26")),
            ClockEvent.ExtensionGranted(D("2025-10-20"), days))).Code.ShouldBe("Application.ExtensionOutOfRange");

    [Fact]
    public void Compute_SupplementPending_PausedWithoutDueDate()
    {
        var result = Compute("2025-10-10",
            ClockEvent.Received(D("2025-09-26")),
            ClockEvent.SupplementRequested(D("2025-09-29")));
        result.Pause.ShouldBe(ClockPause.AwaitingSupplement);
        result.DueDate.ShouldBeNull();
        result.WorkingDaysLeft.ShouldBeNull();
        result.IsOverdue.ShouldBeFalse();
    }

    [Fact]
    public void Compute_SupplementReceived_RestartsTwentyDaysFromItsReceipt()
    {
        var result = Compute("2025-10-15",
            ClockEvent.Received(D("2025-09-26")),
            ClockEvent.SupplementRequested(D("2025-09-29")),
            ClockEvent.SupplementReceived(D("2025-10-15")));
        result.IsPaused.ShouldBeFalse();
        result.DueDate.ShouldBe(D("2025-11-12"));
        result.WorkingDaysLeft.ShouldBe(20);
    }

    [Fact]
    public void Compute_SupplementRequestedAfterSevenWorkingDays_DoesNotStopClock()
    {
        // (09-26, 10-20] holds 12 working days.
        var result = Compute("2025-10-22",
            ClockEvent.Received(D("2025-09-26")),
            ClockEvent.SupplementRequested(D("2025-10-20")),
            ClockEvent.SupplementReceived(D("2025-10-22")));
        result.IsPaused.ShouldBeFalse();
        result.DueDate.ShouldBe(D("2025-10-30"));
        result.Reasons.ShouldContain(r => r.Contains("计时不中止"));
    }

    [Theory]
    [InlineData("2025-10-13", ClockPause.AwaitingSupplement)]
    [InlineData("2025-10-14", ClockPause.None)]
    public void Compute_SupplementRequestedAroundSeventhWorkingDay_StopsClockOnlyWithinSeven(string requested, ClockPause expected)
    {
        // (09-26, 10-13] holds 7 working days: 09-28 and 10-11 are make-up days.
        var result = Compute("2025-10-14",
            ClockEvent.Received(D("2025-09-26")),
            ClockEvent.SupplementRequested(D(requested)));
        result.Pause.ShouldBe(expected);
    }

    [Fact]
    public void Compute_SecondSupplementRequest_Throws() =>
        Should.Throw<DomainException>(() => Compute("2025-10-20",
            ClockEvent.Received(D("2025-09-26")),
            ClockEvent.SupplementRequested(D("2025-09-29")),
            ClockEvent.SupplementReceived(D("2025-10-13")),
            ClockEvent.SupplementRequested(D("2025-10-14")))).Code.ShouldBe("Application.SupplementAlreadyRequested");

    [Fact]
    public void Compute_SupplementReceivedWithoutRequest_Throws() =>
        Should.Throw<DomainException>(() => Compute("2025-10-20",
            ClockEvent.Received(D("2025-09-26")),
            ClockEvent.SupplementReceived(D("2025-10-13")))).Code.ShouldBe("Application.SupplementNotRequested");

    [Fact]
    public void Compute_ThirdPartyConsultation_MovesDueByWorkingDaysPaused()
    {
        // Due 2024-03-29 without the pause; (03-11, 03-26] holds 11 working days, and Qingming
        // (04-04..04-06 off, 04-07 worked) lies in the way.
        var result = Compute("2024-04-01",
            ClockEvent.Received(D("2024-03-01")),
            ClockEvent.ConsultationStarted(D("2024-03-11")),
            ClockEvent.ConsultationEnded(D("2024-03-26")));
        result.DueDate.ShouldBe(D("2024-04-16"));
        result.IsPaused.ShouldBeFalse();
        result.Reasons.ShouldContain("2024年3月26日征求意见结束，不计入11个工作日，答复期限顺延至2024年4月16日。");
    }

    [Fact]
    public void Compute_ConsultationStillOpen_PausedWithFrozenDaysLeft()
    {
        var events = new[] { ClockEvent.Received(D("2024-03-01")), ClockEvent.ConsultationStarted(D("2024-03-11")) };
        var early = ApplicationClock.Compute(events, D("2024-03-13"), Calendar);
        var later = ApplicationClock.Compute(events, D("2024-03-22"), Calendar);
        early.Pause.ShouldBe(ClockPause.Consultation);
        early.WorkingDaysLeft.ShouldBe(14);
        later.WorkingDaysLeft.ShouldBe(14);
        later.DueDate!.Value.ShouldBeGreaterThan(early.DueDate!.Value);
    }

    [Fact]
    public void Compute_OverlappingConsultations_PauseCountedOnce()
    {
        var result = Compute("2024-04-01",
            ClockEvent.Received(D("2024-03-01")),
            ClockEvent.ConsultationStarted(D("2024-03-11")),
            ClockEvent.ConsultationStarted(D("2024-03-13")),
            ClockEvent.ConsultationEnded(D("2024-03-20")),
            ClockEvent.ConsultationEnded(D("2024-03-26")));
        result.DueDate.ShouldBe(D("2024-04-16"));
    }

    [Fact]
    public void Compute_ConsultationStartedAfterDueDate_DoesNotMoveIt()
    {
        var result = Compute("2024-04-10",
            ClockEvent.Received(D("2024-03-01")),
            ClockEvent.ConsultationStarted(D("2024-04-01")),
            ClockEvent.ConsultationEnded(D("2024-04-08")));
        result.DueDate.ShouldBe(D("2024-03-29"));
        result.IsOverdue.ShouldBeTrue();
    }

    [Fact]
    public void Compute_ConsultationEndedWithoutStart_Throws() =>
        Should.Throw<DomainException>(() => Compute("2024-04-01",
            ClockEvent.Received(D("2024-03-01")),
            ClockEvent.ConsultationEnded(D("2024-03-26")))).Code.ShouldBe("Application.ConsultationNotStarted");

    [Fact]
    public void Compute_NoReceipt_Throws() =>
        Should.Throw<DomainException>(() => Compute("2024-04-01", ClockEvent.ConsultationStarted(D("2024-03-26"))))
            .Code.ShouldBe("Application.ReceiptMissing");

    [Fact]
    public void Compute_EventBeforeReceipt_Throws() =>
        Should.Throw<DomainException>(() => Compute("2024-04-01",
            ClockEvent.Received(D("2024-03-01")),
            ClockEvent.SupplementRequested(D("2024-02-28")))).Code.ShouldBe("Application.EventBeforeReceipt");

    [Fact]
    public void Compute_EventAfterToday_Throws() =>
        Should.Throw<DomainException>(() => Compute("2024-03-05", ClockEvent.Received(D("2024-03-06"))))
            .Code.ShouldBe("Application.EventAfterToday");

    [Fact]
    public void Compute_DueInUnknownYear_IsProvisional()
    {
        var result = Compute("2026-12-20", ClockEvent.Received(D("2026-12-15")));
        result.IsProvisional.ShouldBeTrue();
        result.DueDate.ShouldBe(D("2027-01-12"));
    }
}
