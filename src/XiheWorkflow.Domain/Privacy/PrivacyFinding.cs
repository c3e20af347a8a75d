namespace XiheWorkflow.Domain.Privacy;

public enum FindingKind
{
    ResidentId,
    Mobile,
    BankCard,

    /// <summary>A file the scanner cannot read (image, encrypted, corrupt): a person must confirm it.</summary>
    Unreadable,
}

/// <summary>
/// One personal number found in a text. <see cref="Index"/> and <see cref="Length"/> are in UTF-16
/// characters of the scanned text. <see cref="Value"/> is the unmasked text: keep it in memory for
/// masking, never show, log or store it.
/// </summary>
public sealed record PrivacyFinding(FindingKind Kind, int Index, int Length, string Value, string Masked)
{
    public override string ToString() => $"{Kind} {Masked} at {Index}";
}
