using XiheWorkflow.Domain.Common;

namespace XiheWorkflow.Domain.Requests;

/// <summary>
/// An administrative reconsideration or lawsuit about disclosure (report section 四). Pending
/// (尚未审结) while <see cref="Result"/> is null.
/// </summary>
public class Appeal
{
    public int Id { get; private set; }
    public string Reference { get; private set; } = "";
    public AppealKind Kind { get; private set; }
    public DateOnly FiledOn { get; private set; }
    public AppealResult? Result { get; private set; }
    public DateOnly? ClosedOn { get; private set; }
    public bool IsImported { get; private set; }
    public int Version { get; private set; }

    private Appeal() { }

    public Appeal(string reference, AppealKind kind, DateOnly filedOn)
    {
        if (string.IsNullOrWhiteSpace(reference)) throw new DomainException("Appeal.ReferenceRequired");
        Reference = reference.Trim();
        Kind = kind;
        FiledOn = filedOn;
    }

    public static Appeal Import(string reference, AppealKind kind, DateOnly filedOn, AppealResult? result, DateOnly? closedOn)
    {
        var appeal = new Appeal(reference, kind, filedOn) { IsImported = true };
        if (result is { } r && closedOn is { } c) appeal.Close(r, c);
        else if (result is not null || closedOn is not null) throw new DomainException("Appeal.ResultAndClosedOnTogether");
        return appeal;
    }

    public void Close(AppealResult result, DateOnly on)
    {
        if (Result is not null) throw new DomainException("Appeal.AlreadyClosed", Reference);
        if (on < FiledOn) throw new DomainException("Appeal.ClosedBeforeFiling", on.ToString("yyyy-MM-dd"), FiledOn.ToString("yyyy-MM-dd"));
        Result = result;
        ClosedOn = on;
        Version++;
    }
}
