using XiheWorkflow.Domain.Notices;
using XiheWorkflow.Domain.Reporting;
using XiheWorkflow.Domain.Requests;

namespace XiheWorkflow.Core.Importing;

/// <summary>The four kinds of record a bundle holds; a spreadsheet or CSV file holds one of them.</summary>
public enum ImportKind { Applications, Appeals, YearFigures, Notices }

/// <summary>Where a record came from: <c>ledger.json: applications[3] (XH-2024-004)</c> or <c>ledger.csv: row 5 (XH-2024-004)</c>.</summary>
public sealed record RecordLocation(string File, string Record, string? Reference)
{
    public ImportError Error(string field, string message) => new(this, field, message);

    public override string ToString() => Reference is null ? $"{File}: {Record}" : $"{File}: {Record} ({Reference})";
}

/// <summary>One refused value. <see cref="Location"/> is null for a fault of the file as a whole.</summary>
public sealed record ImportError(RecordLocation? Location, string? Field, string Message, string? File = null)
{
    public override string ToString() => Location is null
        ? $"{File}: {Message}"
        : Field is null ? $"{Location}: {Message}" : $"{Location}.{Field}: {Message}";
}

/// <summary>
/// The import was refused. The parser collects every error it finds in a file (so that a clerk
/// fixes a ledger in one pass); <see cref="Exception.Message"/> is the first of them on one line.
/// </summary>
public sealed class ImportException(IReadOnlyList<ImportError> errors)
    : Exception(errors.Count switch
    {
        0 => "import refused",
        1 => errors[0].ToString(),
        _ => $"{errors[0]} (and {errors.Count - 1} more)",
    })
{
    public IReadOnlyList<ImportError> Errors { get; } = errors;

    public ImportException(ImportError error) : this([error]) { }
}

public sealed record ImportedApplication(
    RecordLocation Location, string Reference, ApplicantType ApplicantType, ApplicationChannel Channel,
    DateOnly ReceivedOn, string? Request, ApplicationOutcome? Outcome, DateOnly? ClosedOn)
{
    public ApplicationRecord ToRecord() => new(ApplicantType, ReceivedOn, Outcome, ClosedOn);
}

public sealed record ImportedAppeal(RecordLocation Location, string Reference, AppealKind Kind, DateOnly FiledOn, AppealResult? Result, DateOnly? ClosedOn)
{
    public AppealRecord ToRecord() => new(Kind, FiledOn, Result, ClosedOn);
}

public sealed record ImportedYearFigures(RecordLocation Location, YearFigures Figures);

/// <summary>
/// A notice published before the system existed. <see cref="Office"/> and <see cref="Category"/>
/// are names still to be checked against the reference data; report an unknown one with
/// <c>Location.Error("office", …)</c>.
/// </summary>
public sealed record ImportedNotice(
    RecordLocation Location, string Reference, string Title, string Office, string Category, NoticeKind Kind,
    IReadOnlyList<Channel> Channels, ContentForm? Form, ContentOrigin? Origin, DateOnly PublishedOn, DateOnly? RepealedOn)
{
    public NoticeRecord ToRecord() => new(Kind, PublishedOn, RepealedOn);

    /// <summary>An imported notice counts as posted on each of its channels on the day it was published.</summary>
    public IEnumerable<ChannelPosting> Postings() => Channels.Select(c => new ChannelPosting(Reference, c, PublishedOn, Form, Origin));
}

public sealed record ImportBundle(
    IReadOnlyList<ImportedApplication> Applications,
    IReadOnlyList<ImportedAppeal> Appeals,
    IReadOnlyList<ImportedYearFigures> YearFigures,
    IReadOnlyList<ImportedNotice> Notices)
{
    public static ImportBundle Empty { get; } = new([], [], [], []);

    /// <summary>Office names the notices use, for the caller to check against the database.</summary>
    public IReadOnlySet<string> OfficeNames => Notices.Select(n => n.Office).ToHashSet(StringComparer.Ordinal);

    /// <summary>Category names the notices use, for the caller to check against the database.</summary>
    public IReadOnlySet<string> CategoryNames => Notices.Select(n => n.Category).ToHashSet(StringComparer.Ordinal);

    public ReportInputs ToReportInputs() => new()
    {
        Applications = Applications.Select(a => a.ToRecord()).ToList(),
        Appeals = Appeals.Select(a => a.ToRecord()).ToList(),
        YearFigures = YearFigures.Select(y => y.Figures).ToList(),
        Notices = Notices.Select(n => n.ToRecord()).ToList(),
        Postings = Notices.SelectMany(n => n.Postings()).ToList(),
    };
}
