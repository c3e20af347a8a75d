using XiheWorkflow.Domain.Common;

namespace XiheWorkflow.Domain.Requests;

/// <summary>
/// One step of an application's history that the statutory clock reads. Kept as data on the
/// application (not as separate rows) so that <see cref="ApplicationClock"/> gets the exact events
/// in the order they were recorded.
/// </summary>
/// <param name="ApprovedBy">Who approved an extension (延期须经批准); only for <see cref="ClockEventKind.ExtensionGranted"/>.</param>
/// <param name="DueOn">The supplement deadline told to the applicant; only for <see cref="ClockEventKind.SupplementRequested"/>.</param>
/// <param name="ApplicantNotifiedOn">When the applicant was told of the extension (Art. 33 requires telling them).</param>
public sealed record ApplicationEvent(ClockEventKind Kind, DateOnly Date, int ExtensionDays = 0, string? ApprovedBy = null,
    DateOnly? DueOn = null, DateOnly? ApplicantNotifiedOn = null)
{
    public ClockEvent ToClockEvent() => new(Kind, Date, ExtensionDays, DueOn);
}

/// <summary>
/// A disclosure application (依申请公开) in the register. Open while <see cref="Outcome"/> is null;
/// an outcome and its closing date are set together, as the report's table B needs both.
/// </summary>
public class DisclosureApplication
{
    public int Id { get; private set; }
    public string Reference { get; private set; } = "";
    public ApplicantType ApplicantType { get; private set; }
    public ApplicationChannel Channel { get; private set; }
    public DateOnly ReceivedOn { get; private set; }
    public string Request { get; private set; } = "";

    /// <summary>Personal data like the contact: the letters are addressed to it, exports mask it.</summary>
    public string? ApplicantName { get; private set; }

    /// <summary>Personal data: staff see it, no public page or export does.</summary>
    public string? ApplicantContact { get; private set; }

    public ApplicationOutcome? Outcome { get; private set; }
    public DateOnly? ClosedOn { get; private set; }

    /// <summary>Clock events after receipt (supplement, consultation, extension), in recorded order.</summary>
    public List<ApplicationEvent> Events { get; private set; } = [];

    /// <summary>Came from a ledger kept before the system: no letters, no clock history.</summary>
    public bool IsImported { get; private set; }

    public int Version { get; private set; }

    private DisclosureApplication() { }

    public DisclosureApplication(string reference, ApplicantType applicantType, ApplicationChannel channel, DateOnly receivedOn,
        string? request, string? applicantContact = null, string? applicantName = null)
    {
        if (string.IsNullOrWhiteSpace(reference)) throw new DomainException("Application.ReferenceRequired");
        Reference = reference.Trim();
        ApplicantType = applicantType;
        Channel = channel;
        ReceivedOn = receivedOn;
        Request = request?.Trim() ?? "";
        ApplicantContact = string.IsNullOrWhiteSpace(applicantContact) ? null : applicantContact.Trim();
        ApplicantName = string.IsNullOrWhiteSpace(applicantName) ? null : applicantName.Trim();
    }

    /// <summary>A record from an old ledger, already closed or still open as the ledger says.</summary>
    public static DisclosureApplication Import(string reference, ApplicantType applicantType, ApplicationChannel channel, DateOnly receivedOn,
        string? request, ApplicationOutcome? outcome, DateOnly? closedOn)
    {
        var application = new DisclosureApplication(reference, applicantType, channel, receivedOn, request) { IsImported = true };
        if (outcome is { } o && closedOn is { } c) application.Close(o, c);
        else if (outcome is not null || closedOn is not null) throw new DomainException("Application.OutcomeAndClosedOnTogether");
        return application;
    }

    public bool IsOpen => Outcome is null;

    /// <summary>The events <see cref="ApplicationClock.Compute"/> takes: the receipt, then everything recorded since.</summary>
    public IReadOnlyList<ClockEvent> ClockEvents() =>
        [ClockEvent.Received(ReceivedOn), .. Events.Select(e => e.ToClockEvent())];

    public void RequestSupplement(DateOnly on, DateOnly? dueOn = null)
    {
        if (dueOn is { } due && due < on) throw new DomainException("Application.SupplementDueBeforeRequest", Iso(due), Iso(on));
        Record(new ApplicationEvent(ClockEventKind.SupplementRequested, on, DueOn: dueOn));
    }

    /// <summary>The supplement was requested and never came: Art. 30 treats the application as abandoned (report row （六）1).</summary>
    public void CloseForMissedSupplement(DateOnly on)
    {
        var requested = Events.FirstOrDefault(e => e.Kind == ClockEventKind.SupplementRequested)
            ?? throw new DomainException("Application.SupplementNotRequested", Iso(on));
        if (Events.Any(e => e.Kind == ClockEventKind.SupplementReceived)) throw new DomainException("Application.SupplementAlreadyReceived", Iso(on));
        if (requested.DueOn is { } due && on <= due) throw new DomainException("Application.SupplementNotYetDue", Iso(due));
        Close(ApplicationOutcome.OtherNoSupplement, on);
    }

    public void ReceiveSupplement(DateOnly on) => Record(new ApplicationEvent(ClockEventKind.SupplementReceived, on));

    public void StartConsultation(DateOnly on) => Record(new ApplicationEvent(ClockEventKind.ConsultationStarted, on));

    public void EndConsultation(DateOnly on) => Record(new ApplicationEvent(ClockEventKind.ConsultationEnded, on));

    public void GrantExtension(DateOnly on, int workingDays, string approvedBy, DateOnly? applicantNotifiedOn = null)
    {
        if (string.IsNullOrWhiteSpace(approvedBy)) throw new DomainException("Application.ExtensionApproverRequired");
        if (applicantNotifiedOn is { } told && told < on) throw new DomainException("Application.NoticeBeforeExtension", Iso(told), Iso(on));
        Record(new ApplicationEvent(ClockEventKind.ExtensionGranted, on, workingDays, approvedBy.Trim(), ApplicantNotifiedOn: applicantNotifiedOn));
    }

    public void Close(ApplicationOutcome outcome, DateOnly on)
    {
        if (!IsOpen) throw new DomainException("Application.AlreadyClosed", Reference);
        if (on < ReceivedOn) throw new DomainException("Application.ClosedBeforeReceipt", Iso(on), Iso(ReceivedOn));
        Outcome = outcome;
        ClosedOn = on;
        Version++;
    }

    // The clock itself refuses impossible sequences (a second extension, a supplement never
    // requested); it is run on the whole history so that a refused event is never stored.
    private void Record(ApplicationEvent e)
    {
        if (!IsOpen) throw new DomainException("Application.AlreadyClosed", Reference);
        if (e.Date < ReceivedOn) throw new DomainException("Application.EventBeforeReceipt", Iso(e.Date), Iso(ReceivedOn));
        var events = ClockEvents().Append(e.ToClockEvent()).ToList();
        ApplicationClock.Compute(events, events.Max(x => x.Date), NoHolidays);
        Events = [.. Events, e];
        Version++;
    }

    // Which sequences are legal does not depend on holidays.
    private static readonly Calendar.WorkingCalendar NoHolidays = new([]);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
