using System.Globalization;
using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Auditing;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;
using XiheWorkflow.Domain.Reporting;
using XiheWorkflow.Domain.Requests;

namespace XiheWorkflow.Core.Importing;

/// <summary>
/// Imports an old ledger (INTERFACES.md §4) into the register: applications, appeals, year figures
/// and the notices published before the system. Idempotent by reference per kind — a record
/// already there with the same content is skipped, with different content the whole import is
/// refused naming the reference and field — and all or nothing: one transaction.
/// </summary>
public class ImportLedger(IDbContextFactory<XiheDbContext> contextFactory, TimeProvider clock)
{
    public record Result(int Applications, int Appeals, int YearFigures, int Notices, int Unchanged)
    {
        public int Imported => Applications + Appeals + YearFigures + Notices;

        public string Summary =>
            $"imported {Applications} applications, {Appeals} appeals, {YearFigures} year figures, {Notices} notices ({Unchanged} unchanged)";
    }

    /// <summary>Reads <paramref name="path"/> (.json, or .csv / .xlsx holding <paramref name="kind"/>) and imports it.</summary>
    public async Task<Result> HandleAsync(string path, ImportKind? kind, Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.DisclosureOfficer, Roles.Admin);
        var fileName = Path.GetFileName(path);
        ImportBundle bundle;
        try
        {
            bundle = ImportBundleParser.ParseFile(path, kind);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ImportException(new ImportError(null, null, "file not found", path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ImportException(new ImportError(null, null, $"cannot read the file: {e.Message}", path));
        }
        return await HandleAsync(bundle, fileName, actor, ct);
    }

    public async Task<Result> HandleAsync(ImportBundle bundle, string fileName, Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.DisclosureOfficer, Roles.Admin);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var errors = new List<ImportError>();
        var unchanged = 0;

        var offices = await db.Offices.AsNoTracking().ToDictionaryAsync(o => o.Name, o => o.Id, ct);
        var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Name, c => c.Id, ct);
        var officeNames = offices.ToDictionary(p => p.Value, p => p.Key);
        var categoryNames = categories.ToDictionary(p => p.Value, p => p.Key);

        // One JSON parameter, not one SQL parameter per reference: a county ledger has tens of thousands.
        var applicationRefs = bundle.Applications.Select(a => a.Reference).ToList();
        var existingApplications = await db.Applications.AsNoTracking().Where(a => EF.Parameter(applicationRefs).Contains(a.Reference)).ToDictionaryAsync(a => a.Reference, ct);
        var newApplications = new List<DisclosureApplication>();
        foreach (var a in bundle.Applications)
        {
            if (existingApplications.TryGetValue(a.Reference, out var old))
            {
                if (Compare(errors, a.Location,
                    ("applicantType", old.ApplicantType.ToString(), a.ApplicantType.ToString()),
                    ("channel", old.Channel.ToString(), a.Channel.ToString()),
                    ("receivedOn", Iso(old.ReceivedOn), Iso(a.ReceivedOn)),
                    ("request", old.Request, a.Request ?? ""),
                    ("outcome", old.Outcome?.Code(), a.Outcome?.Code()),
                    ("closedOn", Iso(old.ClosedOn), Iso(a.ClosedOn)))) unchanged++;
                continue;
            }
            newApplications.Add(DisclosureApplication.Import(a.Reference, a.ApplicantType, a.Channel, a.ReceivedOn, a.Request, a.Outcome, a.ClosedOn));
        }

        var appealRefs = bundle.Appeals.Select(a => a.Reference).ToList();
        var existingAppeals = await db.Appeals.AsNoTracking().Where(a => EF.Parameter(appealRefs).Contains(a.Reference)).ToDictionaryAsync(a => a.Reference, ct);
        var newAppeals = new List<Appeal>();
        foreach (var a in bundle.Appeals)
        {
            if (existingAppeals.TryGetValue(a.Reference, out var old))
            {
                if (Compare(errors, a.Location,
                    ("kind", old.Kind.ToString(), a.Kind.ToString()),
                    ("filedOn", Iso(old.FiledOn), Iso(a.FiledOn)),
                    ("result", old.Result?.ToString(), a.Result?.ToString()),
                    ("closedOn", Iso(old.ClosedOn), Iso(a.ClosedOn)))) unchanged++;
                continue;
            }
            newAppeals.Add(Appeal.Import(a.Reference, a.Kind, a.FiledOn, a.Result, a.ClosedOn));
        }

        var years = bundle.YearFigures.Select(y => y.Figures.Year).ToList();
        var existingFigures = await db.YearFigures.AsNoTracking().Where(y => years.Contains(y.Year)).ToDictionaryAsync(y => y.Year, ct);
        var newFigures = new List<YearFigure>();
        foreach (var y in bundle.YearFigures)
        {
            var f = y.Figures;
            if (existingFigures.TryGetValue(f.Year, out var old))
            {
                if (Compare(errors, y.Location,
                    ("licensing", Number(old.Licensing), Number(f.Licensing)),
                    ("penalty", Number(old.Penalty), Number(f.Penalty)),
                    ("enforcement", Number(old.Enforcement), Number(f.Enforcement)),
                    ("feesTenThousandYuan", Number(old.FeesTenThousandYuan), Number(f.FeesTenThousandYuan)))) unchanged++;
                continue;
            }
            newFigures.Add(new YearFigure(f, imported: true));
        }

        var noticeRefs = bundle.Notices.Select(n => n.Reference).ToList();
        var existingNotices = await db.HistoricalNotices.AsNoTracking().Where(n => EF.Parameter(noticeRefs).Contains(n.Reference)).ToDictionaryAsync(n => n.Reference, ct);
        var newNotices = new List<HistoricalNotice>();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var n in bundle.Notices)
        {
            var officeKnown = offices.TryGetValue(n.Office, out var officeId);
            var categoryKnown = categories.TryGetValue(n.Category, out var categoryId);
            if (!officeKnown) errors.Add(n.Location.Error("office", $"unknown office \"{n.Office}\""));
            if (!categoryKnown) errors.Add(n.Location.Error("category", $"unknown category \"{n.Category}\""));
            if (existingNotices.TryGetValue(n.Reference, out var old))
            {
                if (Compare(errors, n.Location,
                    ("title", old.Title, n.Title),
                    ("office", officeNames.GetValueOrDefault(old.OfficeId), n.Office),
                    ("category", categoryNames.GetValueOrDefault(old.CategoryId), n.Category),
                    ("kind", old.Kind.ToString(), n.Kind.ToString()),
                    ("channels", Codes(old.Channels), Codes(n.Channels)),
                    ("form", old.Form?.ToString(), n.Form?.ToString()),
                    ("origin", old.Origin?.ToString(), n.Origin?.ToString()),
                    ("publishedOn", Iso(old.PublishedOn), Iso(n.PublishedOn)),
                    ("repealedOn", Iso(old.RepealedOn), Iso(n.RepealedOn)))) unchanged++;
                continue;
            }
            if (!officeKnown || !categoryKnown) continue;
            newNotices.Add(new HistoricalNotice(n.Reference, n.Title, officeId, categoryId, n.Kind, n.Channels, n.Form, n.Origin,
                n.PublishedOn, n.RepealedOn, now));
        }

        if (errors.Count > 0) throw new ImportException(errors);
        var result = new Result(newApplications.Count, newAppeals.Count, newFigures.Count, newNotices.Count, unchanged);
        // A repeated import writes nothing at all, not even an audit line.
        if (result.Imported == 0) return result;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Appeals.AddRange(newAppeals);
        db.YearFigures.AddRange(newFigures);
        db.HistoricalNotices.AddRange(newNotices);
        db.AuditEntries.Add(new AuditEntry(now, actor.UserId, actor.Name, "Import.Completed", "Import", fileName, details: result.Summary));
        try
        {
            // Applications are the bulk of a ledger (thousands a year in a county): one prepared command.
            await BulkInsert.InsertAsync(db, newApplications, ct);
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is DbUpdateException or Microsoft.Data.Sqlite.SqliteException or Npgsql.PostgresException)
        {
            // Another import of the same references won the race; nothing of this one is kept.
            throw new ImportException(new ImportError(null, null, $"the register changed during the import, nothing was written; run it again ({e.InnerException?.Message ?? e.Message})", fileName));
        }
        await transaction.CommitAsync(ct);
        return result;
    }

    /// <summary>True when every field is the same; otherwise records the first difference.</summary>
    private static bool Compare(List<ImportError> errors, RecordLocation location, params (string Field, string? Stored, string? Incoming)[] fields)
    {
        foreach (var (field, stored, incoming) in fields)
        {
            if (string.Equals(stored ?? "", incoming ?? "", StringComparison.Ordinal)) continue;
            errors.Add(location.Error(field,
                $"reference \"{location.Reference}\" was imported before with a different {field}: {Quote(stored)} stored, {Quote(incoming)} in the file"));
            return false;
        }
        return true;
    }

    private static string Quote(string? value) => string.IsNullOrEmpty(value) ? "empty" : $"\"{value}\"";

    private static string? Iso(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(decimal value) => value.ToString("G29", CultureInfo.InvariantCulture);

    // Order in a ledger's channel list carries no meaning.
    private static string Codes(IEnumerable<Channel> channels) => string.Join(";", channels.Select(c => c.ToString()).Order(StringComparer.Ordinal));
}
