using XiheWorkflow.Domain.Calendar;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Requests;

namespace XiheWorkflow.Domain.Tests.Requests;

public class DisclosureApplicationTests
{
    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd");

    private static DisclosureApplication Received(string on) =>
        new("XH-2025-001", ApplicantType.NaturalPerson, ApplicationChannel.Online, D(on), "申请公开村级项目资金使用情况", "138****1234");

    [Fact]
    public void ClockEvents_RecordedHistory_GiveTheClockItsDueDate()
    {
        var application = Received("2025-09-26");
        application.GrantExtension(D("2025-10-20"), 10, "王建国");

        var deadline = ApplicationClock.Compute(application.ClockEvents(), D("2025-10-20"), OfficialCalendar.Shipped);

        application.ClockEvents()[0].ShouldBe(ClockEvent.Received(D("2025-09-26")));
        deadline.DueDate.ShouldBe(OfficialCalendar.Shipped.AddWorkdays(D("2025-09-26"), 30));
        application.Events.Single().ApprovedBy.ShouldBe("王建国");
    }

    [Fact]
    public void GrantExtension_Twice_ThrowsAndKeepsTheFirst()
    {
        var application = Received("2025-09-26");
        application.GrantExtension(D("2025-10-20"), 10, "王建国");

        var e = Should.Throw<DomainException>(() => application.GrantExtension(D("2025-10-21"), 5, "王建国"));

        e.Code.ShouldBe("Application.ExtensionAlreadyGranted");
        application.Events.Count.ShouldBe(1);
    }

    [Fact]
    public void ReceiveSupplement_NeverRequested_Throws()
    {
        var application = Received("2025-09-26");

        Should.Throw<DomainException>(() => application.ReceiveSupplement(D("2025-09-30"))).Code.ShouldBe("Application.SupplementNotRequested");
        application.Events.ShouldBeEmpty();
    }

    [Fact]
    public void Close_BeforeReceipt_Throws()
    {
        var application = Received("2025-09-26");

        var e = Should.Throw<DomainException>(() => application.Close(ApplicationOutcome.Disclosed, D("2025-09-25")));

        e.Code.ShouldBe("Application.ClosedBeforeReceipt");
        application.IsOpen.ShouldBeTrue();
    }

    [Fact]
    public void RequestSupplement_AfterClosing_Throws()
    {
        var application = Received("2025-09-26");
        application.Close(ApplicationOutcome.Disclosed, D("2025-10-09"));

        Should.Throw<DomainException>(() => application.RequestSupplement(D("2025-10-10"))).Code.ShouldBe("Application.AlreadyClosed");
    }

    [Fact]
    public void Import_OutcomeWithoutClosingDate_Throws() =>
        Should.Throw<DomainException>(() => DisclosureApplication.Import("XH-1", ApplicantType.Business, ApplicationChannel.Mail,
            D("2024-03-05"), null, ApplicationOutcome.Disclosed, null)).Code.ShouldBe("Application.OutcomeAndClosedOnTogether");
}
