namespace XiheWorkflow.Domain.Requests;

public enum ClockEventKind
{
    Received,
    SupplementRequested,
    SupplementReceived,
    ConsultationStarted,
    ConsultationEnded,
    ExtensionGranted,
}

/// <summary>
/// Something that happened to a disclosure application and matters to its statutory clock. Dates
/// are China Standard Time; events on the same day are taken in the order given.
/// </summary>
/// <param name="ExtensionDays">Working days granted; only for <see cref="ClockEventKind.ExtensionGranted"/>.</param>
/// <param name="SupplementDueOn">The supplement deadline told to the applicant (补正期限); only for <see cref="ClockEventKind.SupplementRequested"/>.</param>
public sealed record ClockEvent(ClockEventKind Kind, DateOnly Date, int ExtensionDays = 0, DateOnly? SupplementDueOn = null)
{
    public static ClockEvent Received(DateOnly date) => new(ClockEventKind.Received, date);
    public static ClockEvent SupplementRequested(DateOnly date, DateOnly? dueOn = null) => new(ClockEventKind.SupplementRequested, date, SupplementDueOn: dueOn);
    public static ClockEvent SupplementReceived(DateOnly date) => new(ClockEventKind.SupplementReceived, date);
    public static ClockEvent ConsultationStarted(DateOnly date) => new(ClockEventKind.ConsultationStarted, date);
    public static ClockEvent ConsultationEnded(DateOnly date) => new(ClockEventKind.ConsultationEnded, date);
    public static ClockEvent ExtensionGranted(DateOnly date, int workingDays) => new(ClockEventKind.ExtensionGranted, date, workingDays);
}
