namespace XiheWorkflow.Domain.Requests;

/// <summary>
/// The 23 leaf rows of the annual report's table B (三、本年度办理结果), in the report's order.
/// The contract codes are dotted (<c>Withheld.StateSecret</c>), which an enum name cannot be:
/// <see cref="ApplicationOutcomes"/> maps members to those codes.
/// </summary>
public enum ApplicationOutcome
{
    Disclosed,
    PartiallyDisclosed,
    WithheldStateSecret,
    WithheldProhibitedByLaw,
    WithheldThreeSecurityOneStability,
    WithheldThirdPartyRights,
    WithheldInternalAffairs,
    WithheldProcessInformation,
    WithheldEnforcementCaseFile,
    WithheldAdministrativeQuery,
    UnavailableNotHeld,
    UnavailableNeedsCreation,
    UnavailableStillUnclear,
    NotProcessedPetition,
    NotProcessedDuplicate,
    NotProcessedPublication,
    NotProcessedExcessive,
    NotProcessedConfirmation,
    OtherNoSupplement,
    OtherFeeUnpaid,
    OtherOther,
}

/// <summary>The groups of table B's section 三: （一） to （六）.</summary>
public enum OutcomeGroup { Disclosed, PartiallyDisclosed, Withheld, Unavailable, NotProcessed, Other }

public static class ApplicationOutcomes
{
    /// <summary>Every outcome in table B's row order.</summary>
    public static IReadOnlyList<ApplicationOutcome> All { get; } = Enum.GetValues<ApplicationOutcome>();

    private static readonly string[] Codes =
    [
        "Disclosed", "PartiallyDisclosed",
        "Withheld.StateSecret", "Withheld.ProhibitedByLaw", "Withheld.ThreeSecurityOneStability",
        "Withheld.ThirdPartyRights", "Withheld.InternalAffairs", "Withheld.ProcessInformation",
        "Withheld.EnforcementCaseFile", "Withheld.AdministrativeQuery",
        "Unavailable.NotHeld", "Unavailable.NeedsCreation", "Unavailable.StillUnclear",
        "NotProcessed.Petition", "NotProcessed.Duplicate", "NotProcessed.Publication",
        "NotProcessed.Excessive", "NotProcessed.Confirmation",
        "Other.NoSupplement", "Other.FeeUnpaid", "Other.Other",
    ];

    public static string Code(this ApplicationOutcome outcome) => Codes[(int)outcome];

    public static OutcomeGroup Group(this ApplicationOutcome outcome) => Enum.Parse<OutcomeGroup>(Codes[(int)outcome].Split('.')[0]);

    internal static IEnumerable<(ApplicationOutcome Outcome, string Code)> CodeTable() =>
        All.Select(o => (o, Codes[(int)o]));
}
