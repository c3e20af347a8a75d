using XiheWorkflow.Domain.Privacy;

namespace XiheWorkflow.Core.Privacy;

/// <summary>
/// A finding in a file, without the unmasked value. <see cref="Line"/> and <see cref="Column"/> are
/// 1-based in characters of the extracted text; for .xlsx they are the row and column number.
/// <see cref="Location"/> names the sheet cell (<c>Sheet1!B3</c>), CSV cell, table cell or page.
/// </summary>
public sealed record FileFinding(FindingKind Kind, string Masked, int Line, int Column, string Location);

public enum UnreadableReason
{
    UnsupportedType,
    Image,
    Encrypted,
    Corrupt,

    /// <summary>A PDF without any text: most likely a scan.</summary>
    NoText,
}

/// <summary>A column whose header names data a 低保-type list must not carry (DESIGN.md §8).</summary>
public sealed record FlaggedColumn(string Location, string Header, RosterColumnConcern Concern);

/// <summary>
/// The outcome of scanning one file. An unreadable file holds exactly one finding of kind
/// <see cref="FindingKind.Unreadable"/> so that a list of findings shown to a person cannot forget it.
/// </summary>
public sealed record FileScanResult(
    string FileName,
    IReadOnlyList<FileFinding> Findings,
    IReadOnlyList<FlaggedColumn> FlaggedColumns,
    UnreadableReason? Unreadable = null,
    string? Detail = null)
{
    public bool IsReadable => Unreadable is null;

    public static FileScanResult NotReadable(string fileName, UnreadableReason reason, string? detail = null) =>
        new(fileName, [new FileFinding(FindingKind.Unreadable, "", 0, 0, reason.ToString())], [], reason, detail);
}
