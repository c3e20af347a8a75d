using System.Globalization;
using System.Text;
using System.Text.Json;
using MiniExcelLibs;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;
using XiheWorkflow.Domain.Reporting;
using XiheWorkflow.Domain.Requests;

namespace XiheWorkflow.Core.Importing;

/// <summary>
/// Reads an import bundle (INTERFACES.md §4) from .json, or one kind of record from .csv / .xlsx
/// whose header row names the fields, into validated records. Nothing touches the database:
/// office and category names are left on the records for the caller to check.
/// Every error found in the file is collected and thrown together as one <see cref="ImportException"/>.
/// </summary>
public static class ImportBundleParser
{
    private static readonly string[] Parts = ["applications", "appeals", "yearFigures", "notices"];

    public static ImportBundle ParseFile(string path, ImportKind? kind = null)
    {
        using var stream = File.OpenRead(path);
        return Parse(stream, Path.GetFileName(path), kind);
    }

    /// <summary>The extension of <paramref name="fileName"/> decides the format; .csv and .xlsx need <paramref name="kind"/>.</summary>
    public static ImportBundle Parse(Stream stream, string fileName, ImportKind? kind = null)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension == ".json") return ParseJson(stream, fileName);
        if (extension is not (".csv" or ".xlsx"))
        {
            throw new ImportException(new ImportError(null, null, $"unsupported file type \"{extension}\" (expected .json, .csv or .xlsx)", fileName));
        }
        if (kind is null)
        {
            throw new ImportException(new ImportError(null, null, "a .csv or .xlsx file holds one kind of record: say which (applications, appeals, notices or yearFigures)", fileName));
        }
        return extension == ".csv" ? ParseCsv(stream, fileName, kind.Value) : ParseXlsx(stream, fileName, kind.Value);
    }

    /// <summary>Accepts the kind names of the command line: applications, appeals, notices, yearFigures.</summary>
    public static bool TryParseKind(string? text, out ImportKind kind) =>
        Enum.TryParse(text?.Trim(), ignoreCase: true, out kind) && Enum.IsDefined(kind) && !int.TryParse(text, out _);

    public static ImportBundle ParseJson(Stream stream, string fileName)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(stream, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new ImportException(new ImportError(null, null, $"not valid JSON (line {e.LineNumber + 1}): {e.Message}", fileName));
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ImportException(new ImportError(null, null, "expected a JSON object with applications, appeals, yearFigures and notices", fileName));
            }
            var errors = new List<ImportError>();
            var raw = new Dictionary<ImportKind, List<RawRecord>>();
            foreach (var part in doc.RootElement.EnumerateObject())
            {
                var index = Array.IndexOf(Parts, part.Name);
                if (index < 0)
                {
                    errors.Add(new ImportError(null, null, $"unknown part \"{part.Name}\" (expected {string.Join(", ", Parts)})", fileName));
                    continue;
                }
                if (part.Value.ValueKind == JsonValueKind.Null) continue;
                if (part.Value.ValueKind != JsonValueKind.Array)
                {
                    errors.Add(new ImportError(null, null, $"\"{part.Name}\" must be an array", fileName));
                    continue;
                }
                var records = new List<RawRecord>();
                var i = 0;
                foreach (var item in part.Value.EnumerateArray())
                {
                    var record = $"{part.Name}[{i++}]";
                    if (item.ValueKind != JsonValueKind.Object)
                    {
                        errors.Add(new ImportError(new RecordLocation(fileName, record, null), null, "expected an object"));
                        continue;
                    }
                    records.Add(new RawRecord(fileName, record, item.EnumerateObject().ToDictionary(p => p.Name, p => FromJson(p.Value))));
                }
                raw[(ImportKind)index] = records;
            }
            return Build(raw, errors);
        }
    }

    public static ImportBundle ParseCsv(Stream stream, string fileName, ImportKind kind)
    {
        var rows = Csv.Read(Decode(stream));
        var records = new List<RawRecord>();
        if (rows.Count > 0)
        {
            var header = rows[0].Select(h => h.Trim().TrimStart('\uFEFF')).ToArray();
            for (var r = 1; r < rows.Count; r++)
            {
                if (rows[r].All(string.IsNullOrWhiteSpace)) continue;
                var fields = new Dictionary<string, RawValue>(StringComparer.OrdinalIgnoreCase);
                for (var c = 0; c < header.Length && c < rows[r].Length; c++)
                {
                    if (header[c].Length > 0) fields[header[c]] = RawValue.FromCell(rows[r][c]);
                }
                records.Add(new RawRecord(fileName, $"row {r + 1}", fields));
            }
        }
        return Build(new() { [kind] = records }, []);
    }

    public static ImportBundle ParseXlsx(Stream stream, string fileName, ImportKind kind)
    {
        List<IDictionary<string, object?>> rows;
        try
        {
            var seekable = stream.CanSeek ? stream : Buffer(stream);
            rows = seekable.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        }
        catch (Exception e) when (e is not ImportException)
        {
            throw new ImportException(new ImportError(null, null, $"not a readable .xlsx file: {e.Message}", fileName));
        }
        var records = new List<RawRecord>();
        for (var r = 0; r < rows.Count; r++)
        {
            if (rows[r].Values.All(v => v is null || v is string s && string.IsNullOrWhiteSpace(s))) continue;
            var fields = new Dictionary<string, RawValue>(StringComparer.OrdinalIgnoreCase);
            foreach (var (key, value) in rows[r])
            {
                if (!string.IsNullOrWhiteSpace(key)) fields[key.Trim()] = RawValue.FromSpreadsheet(value);
            }
            // Row 1 is the header, so the first record sits on spreadsheet row 2.
            records.Add(new RawRecord(fileName, $"row {r + 2}", fields));
        }
        return Build(new() { [kind] = records }, []);
    }

    private static MemoryStream Buffer(Stream stream)
    {
        var copy = new MemoryStream();
        stream.CopyTo(copy);
        copy.Position = 0;
        return copy;
    }

    private static ImportBundle Build(Dictionary<ImportKind, List<RawRecord>> raw, List<ImportError> errors)
    {
        List<T> Each<T>(ImportKind kind, Func<RecordReader, T?> read) where T : class
        {
            var result = new List<T>();
            if (!raw.TryGetValue(kind, out var records)) return result;
            var seen = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var record in records)
            {
                var reader = new RecordReader(record, errors, kind == ImportKind.YearFigures ? "year" : "reference");
                var key = reader.Key;
                var item = read(reader);
                if (key is not null)
                {
                    if (seen.TryGetValue(key, out var first))
                    {
                        reader.Fail(reader.KeyField, $"duplicate {reader.KeyField} \"{key}\" (also {first})");
                        continue;
                    }
                    seen[key] = record.Record;
                }
                if (item is not null && !reader.Failed) result.Add(item);
            }
            return result;
        }

        var applications = Each(ImportKind.Applications, ReadApplication);
        var appeals = Each(ImportKind.Appeals, ReadAppeal);
        var figures = Each(ImportKind.YearFigures, ReadYearFigures);
        var notices = Each(ImportKind.Notices, ReadNotice);
        if (errors.Count > 0) throw new ImportException(errors);
        return new ImportBundle(applications, appeals, figures, notices);
    }

    private static ImportedApplication? ReadApplication(RecordReader r)
    {
        var reference = r.Text("reference");
        var applicantType = r.Code<ApplicantType>("applicantType");
        var channel = r.Code<ApplicationChannel>("channel");
        var receivedOn = r.Date("receivedOn");
        var request = r.Text("request", required: false);
        var outcome = r.Code<ApplicationOutcome>("outcome", required: false);
        var closedOn = r.Date("closedOn", required: false);
        r.BothOrNeither("outcome", outcome is not null, "closedOn", closedOn is not null);
        r.NotBefore("closedOn", closedOn, "receivedOn", receivedOn);
        if (r.Failed) return null;
        return new(r.Location, reference!, applicantType!.Value, channel!.Value, receivedOn!.Value, request, outcome, closedOn);
    }

    private static ImportedAppeal? ReadAppeal(RecordReader r)
    {
        var reference = r.Text("reference");
        var kind = r.Code<AppealKind>("kind");
        var filedOn = r.Date("filedOn");
        var result = r.Code<AppealResult>("result", required: false);
        var closedOn = r.Date("closedOn", required: false);
        r.BothOrNeither("result", result is not null, "closedOn", closedOn is not null);
        r.NotBefore("closedOn", closedOn, "filedOn", filedOn);
        if (r.Failed) return null;
        return new(r.Location, reference!, kind!.Value, filedOn!.Value, result, closedOn);
    }

    private static ImportedYearFigures? ReadYearFigures(RecordReader r)
    {
        var year = r.Int("year", min: 1990, max: 2200);
        var licensing = r.Int("licensing");
        var penalty = r.Int("penalty");
        var enforcement = r.Int("enforcement");
        var fees = r.Decimal("feesTenThousandYuan");
        if (r.Failed) return null;
        return new(r.Location, new YearFigures(year!.Value, licensing!.Value, penalty!.Value, enforcement!.Value, fees!.Value));
    }

    private static ImportedNotice? ReadNotice(RecordReader r)
    {
        var reference = r.Text("reference");
        var title = r.Text("title");
        var office = r.Text("office");
        var category = r.Text("category");
        var kind = r.Code<NoticeKind>("kind");
        var channels = r.CodeList<Channel>("channels");
        var form = r.Code<ContentForm>("form", required: false);
        var origin = r.Code<ContentOrigin>("origin", required: false);
        var publishedOn = r.Date("publishedOn");
        var repealedOn = r.Date("repealedOn", required: false);
        r.NotBefore("repealedOn", repealedOn, "publishedOn", publishedOn);
        if (r.Failed) return null;
        return new(r.Location, reference!, title!, office!, category!, kind!.Value, channels!, form, origin, publishedOn!.Value, repealedOn);
    }

    private static RawValue FromJson(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => RawValue.Missing,
        JsonValueKind.String => RawValue.FromCell(e.GetString()),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => new RawValue(e.GetRawText(), null, false),
        JsonValueKind.Array => e.EnumerateArray().All(x => x.ValueKind == JsonValueKind.String)
            ? new RawValue(null, e.EnumerateArray().Select(x => x.GetString()!.Trim()).ToList(), false)
            : RawValue.Bad,
        _ => RawValue.Bad,
    };

    // Township ledgers saved from Excel on Chinese Windows are GB18030 more often than UTF-8.
    private static string Decode(Stream stream)
    {
        var bytes = Buffer(stream).ToArray();
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GB18030").GetString(bytes);
        }
    }

    private sealed record RawRecord(string File, string Record, IReadOnlyDictionary<string, RawValue> Fields);

    /// <summary>A field as the file gave it: text, a list of texts, or something of the wrong shape.</summary>
    private sealed record RawValue(string? Text, IReadOnlyList<string>? List, bool WrongShape, double? SpreadsheetNumber = null)
    {
        public static RawValue Missing { get; } = new(null, null, false);
        public static RawValue Bad { get; } = new(null, null, true);

        public bool IsMissing => !WrongShape && string.IsNullOrWhiteSpace(Text) && (List is null || List.Count == 0);

        public static RawValue FromCell(string? text) => string.IsNullOrWhiteSpace(text) ? Missing : new(text.Trim(), null, false);

        public static RawValue FromSpreadsheet(object? value) => value switch
        {
            null => Missing,
            string s => FromCell(s),
            DateTime d => new(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null, false),
            double n => new(n.ToString("R", CultureInfo.InvariantCulture), null, false, n),
            IConvertible c => FromCell(c.ToString(CultureInfo.InvariantCulture)),
            _ => FromCell(value.ToString()),
        };
    }

    /// <summary>Reads one record's fields, recording an error per bad field and carrying on.</summary>
    private sealed class RecordReader
    {
        private readonly RawRecord _record;
        private readonly List<ImportError> _errors;
        private readonly int _errorsBefore;

        public RecordReader(RawRecord record, List<ImportError> errors, string keyField)
        {
            _record = record;
            _errors = errors;
            _errorsBefore = errors.Count;
            KeyField = keyField;
            Key = record.Fields.TryGetValue(keyField, out var k) && !k.IsMissing ? k.Text : null;
            Location = new RecordLocation(record.File, record.Record, Key);
        }

        public string KeyField { get; }
        public string? Key { get; }
        public RecordLocation Location { get; }
        public bool Failed => _errors.Count > _errorsBefore;

        public void Fail(string field, string message) => _errors.Add(Location.Error(field, message));

        private RawValue? Get(string field, bool required)
        {
            if (!_record.Fields.TryGetValue(field, out var value) || value.IsMissing)
            {
                if (required) Fail(field, "is required");
                return null;
            }
            if (value.WrongShape || value.Text is null)
            {
                Fail(field, "expected a single value");
                return null;
            }
            return value;
        }

        public string? Text(string field, bool required = true) => Get(field, required)?.Text;

        public T? Code<T>(string field, bool required = true) where T : struct, Enum
        {
            var text = Text(field, required);
            if (text is null) return null;
            if (CodeLabels.TryParse<T>(text, out var value)) return value;
            Fail(field, $"unknown code \"{text}\"");
            return null;
        }

        /// <summary>A list given as a JSON array, or as one text separated by ; or 、 (spreadsheets, CSV).</summary>
        public IReadOnlyList<T>? CodeList<T>(string field) where T : struct, Enum
        {
            if (!_record.Fields.TryGetValue(field, out var value) || value.IsMissing)
            {
                Fail(field, "is required");
                return null;
            }
            if (value.WrongShape)
            {
                Fail(field, "expected a list of codes");
                return null;
            }
            var items = (value.List ?? value.Text!.Split([';', '；', '、'], StringSplitOptions.TrimEntries))
                .Where(s => s.Length > 0).ToList();
            var result = new List<T>();
            foreach (var item in items)
            {
                if (!CodeLabels.TryParse<T>(item, out var code))
                {
                    Fail(field, $"unknown code \"{item}\"");
                    return null;
                }
                if (!result.Contains(code)) result.Add(code);
            }
            if (result.Count == 0) Fail(field, "is required");
            return result;
        }

        public DateOnly? Date(string field, bool required = true)
        {
            var value = Get(field, required);
            if (value is null) return null;
            if (value.SpreadsheetNumber is { } serial && serial is > 0 and < 2958466 && serial == Math.Floor(serial))
            {
                // A date cell that lost its format reaches us as Excel's day number.
                return DateOnly.FromDateTime(DateTime.FromOADate(serial));
            }
            if (DateOnly.TryParseExact(value.Text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
            Fail(field, $"invalid date \"{value.Text}\" (expected yyyy-MM-dd)");
            return null;
        }

        public int? Int(string field, int min = 0, int max = int.MaxValue)
        {
            var text = Text(field);
            if (text is null) return null;
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
            Fail(field, min == 0 && max == int.MaxValue
                ? $"expected a whole number ≥ 0, got \"{text}\""
                : $"expected a whole number from {min} to {max}, got \"{text}\"");
            return null;
        }

        public decimal? Decimal(string field)
        {
            var text = Text(field);
            if (text is null) return null;
            if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) && n >= 0) return n;
            Fail(field, $"expected a number ≥ 0, got \"{text}\"");
            return null;
        }

        public void BothOrNeither(string a, bool hasA, string b, bool hasB)
        {
            if (Failed || hasA == hasB) return;
            if (hasA) Fail(b, $"is required when {a} is set (both empty while still open)");
            else Fail(a, $"is required when {b} is set (both empty while still open)");
        }

        public void NotBefore(string field, DateOnly? later, string earlierField, DateOnly? earlier)
        {
            if (later is { } l && earlier is { } e && l < e)
            {
                Fail(field, $"{l:yyyy-MM-dd} is before {earlierField} {e:yyyy-MM-dd}");
            }
        }
    }
}
