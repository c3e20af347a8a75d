using System.Buffers;
using System.Diagnostics;
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

    /// <summary>
    /// Reads the bundle with one forward pass of <see cref="Utf8JsonReader"/> over the file's bytes:
    /// no document tree, and only the fields a record can carry become strings (a county ledger has
    /// tens of thousands of records; building a tree of it cost as much as writing it).
    /// </summary>
    public static ImportBundle ParseJson(Stream stream, string fileName)
    {
        var (bytes, length) = ReadAll(stream);
        var structure = new List<ImportError>();
        var builder = new BundleBuilder();
        var seenParts = new HashSet<string>(StringComparer.Ordinal);
        // One dictionary for every record: each is read into its typed record before the next.
        var fields = new Dictionary<string, RawValue>(8, StringComparer.Ordinal);
        try
        {
            var json = new Utf8JsonReader(WithoutBom(bytes.AsSpan(0, length)), new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            if (!json.Read()) throw new ImportException(new ImportError(null, null, "not valid JSON (line 1): the file is empty", fileName));
            if (json.TokenType != JsonTokenType.StartObject)
            {
                // Syntax first, as a reader of the whole file would report it.
                json.Skip();
                while (json.Read()) { }
                throw new ImportException(new ImportError(null, null, "expected a JSON object with applications, appeals, yearFigures and notices", fileName));
            }
            while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
            {
                var name = json.GetString()!;
                json.Read();
                var index = Array.IndexOf(Parts, name);
                if (index >= 0 && !seenParts.Add(name))
                {
                    structure.Add(new ImportError(null, null, $"\"{name}\" appears twice", fileName));
                    json.Skip();
                    continue;
                }
                if (index < 0 || json.TokenType != JsonTokenType.StartArray)
                {
                    if (index < 0) structure.Add(new ImportError(null, null, $"unknown part \"{name}\" (expected {string.Join(", ", Parts)})", fileName));
                    else if (json.TokenType != JsonTokenType.Null) structure.Add(new ImportError(null, null, $"\"{name}\" must be an array", fileName));
                    json.Skip();
                    continue;
                }
                var i = 0;
                while (json.Read() && json.TokenType != JsonTokenType.EndArray)
                {
                    var record = $"{name}[{i++}]";
                    if (json.TokenType != JsonTokenType.StartObject)
                    {
                        structure.Add(new ImportError(new RecordLocation(fileName, record, null), null, "expected an object"));
                        json.Skip();
                        continue;
                    }
                    ReadJsonRecord(ref json, fields);
                    builder.Add((ImportKind)index, new RawRecord(fileName, record, fields));
                }
            }
            // Anything after the root object is a syntax error too.
            while (json.Read()) { }
        }
        catch (JsonException e)
        {
            throw new ImportException(new ImportError(null, null, $"not valid JSON (line {e.LineNumber + 1}): {e.Message}", fileName));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
        return builder.Finish(structure);
    }

    // Every field a record of any kind is read by; others are skipped without becoming strings.
    private static readonly (string Name, byte[] Utf8)[] KnownFields =
        [.. new[]
        {
            "reference", "applicantType", "channel", "receivedOn", "request", "outcome", "closedOn",
            "kind", "filedOn", "result", "year", "licensing", "penalty", "enforcement", "feesTenThousandYuan",
            "title", "office", "category", "channels", "form", "origin", "publishedOn", "repealedOn",
        }.Select(f => (f, Encoding.UTF8.GetBytes(f)))];

    /// <summary>Reads one record object into <paramref name="fields"/>, the reader on its StartObject; leaves it on the EndObject.</summary>
    private static void ReadJsonRecord(ref Utf8JsonReader json, Dictionary<string, RawValue> fields)
    {
        fields.Clear();
        // Ledgers write their fields in the same order record after record: look after the last match first.
        var next = 0;
        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            string? name = null;
            for (var k = 0; k < KnownFields.Length; k++)
            {
                var candidate = (next + k) % KnownFields.Length;
                if (!json.ValueTextEquals(KnownFields[candidate].Utf8)) continue;
                name = KnownFields[candidate].Name;
                next = candidate + 1;
                break;
            }
            json.Read();
            if (name is null)
            {
                json.Skip();
                continue;
            }
            fields[name] = ReadJsonValue(ref json);
        }
    }

    private static RawValue ReadJsonValue(ref Utf8JsonReader json)
    {
        switch (json.TokenType)
        {
            case JsonTokenType.String:
                return RawValue.FromCell(json.GetString());
            case JsonTokenType.Number:
                return new RawValue(Encoding.UTF8.GetString(json.ValueSpan), null, false);
            case JsonTokenType.True or JsonTokenType.False:
                return new RawValue(json.TokenType == JsonTokenType.True ? "true" : "false", null, false);
            case JsonTokenType.Null:
                return RawValue.Missing;
            case JsonTokenType.StartArray:
                var items = new List<string>();
                var allText = true;
                while (json.Read() && json.TokenType != JsonTokenType.EndArray)
                {
                    if (json.TokenType == JsonTokenType.String) items.Add(json.GetString()!.Trim());
                    else
                    {
                        allText = false;
                        json.Skip();
                    }
                }
                return allText ? new RawValue(null, items, false) : RawValue.Bad;
            default:
                json.Skip();
                return RawValue.Bad;
        }
    }

    /// <summary>The whole stream in a pooled buffer (a ledger's megabytes would otherwise be a fresh large-object allocation each time).</summary>
    private static (byte[] Buffer, int Length) ReadAll(Stream stream)
    {
        var expected = stream.CanSeek ? Math.Max(stream.Length - stream.Position, 0) + 1 : 1 << 16;
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(expected, Array.MaxLength));
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min(2L * buffer.Length, Array.MaxLength));
                buffer.AsSpan(0, length).CopyTo(bigger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = bigger;
            }
            var read = stream.Read(buffer, length, buffer.Length - length);
            if (read == 0) return (buffer, length);
            length += read;
        }
    }

    private static ReadOnlySpan<byte> WithoutBom(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith(Encoding.UTF8.Preamble) ? bytes[Encoding.UTF8.Preamble.Length..] : bytes;

    public static ImportBundle ParseCsv(Stream stream, string fileName, ImportKind kind)
    {
        var rows = Csv.Read(Decode(stream));
        var builder = new BundleBuilder();
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
                builder.Add(kind, new RawRecord(fileName, $"row {r + 1}", fields));
            }
        }
        return builder.Finish([]);
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
        var builder = new BundleBuilder();
        for (var r = 0; r < rows.Count; r++)
        {
            if (rows[r].Values.All(v => v is null || v is string s && string.IsNullOrWhiteSpace(s))) continue;
            var fields = new Dictionary<string, RawValue>(StringComparer.OrdinalIgnoreCase);
            foreach (var (key, value) in rows[r])
            {
                if (!string.IsNullOrWhiteSpace(key)) fields[key.Trim()] = RawValue.FromSpreadsheet(value);
            }
            // Row 1 is the header, so the first record sits on spreadsheet row 2.
            builder.Add(kind, new RawRecord(fileName, $"row {r + 2}", fields));
        }
        return builder.Finish([]);
    }

    private static MemoryStream Buffer(Stream stream)
    {
        var copy = new MemoryStream();
        stream.CopyTo(copy);
        copy.Position = 0;
        return copy;
    }

    /// <summary>
    /// Turns raw records into typed ones as they are read, so that a record's raw fields die young;
    /// errors are reported by kind, in record order, after the file's structural ones.
    /// </summary>
    private sealed class BundleBuilder
    {
        private readonly List<ImportError>[] _errors = [[], [], [], []];
        private readonly Dictionary<string, string>[] _seen = [new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal)];
        private readonly List<ImportedApplication> _applications = [];
        private readonly List<ImportedAppeal> _appeals = [];
        private readonly List<ImportedYearFigures> _figures = [];
        private readonly List<ImportedNotice> _notices = [];

        public void Add(ImportKind kind, RawRecord record)
        {
            var reader = new RecordReader(record, _errors[(int)kind], kind == ImportKind.YearFigures ? "year" : "reference");
            var key = reader.Key;
            object? item = kind switch
            {
                ImportKind.Applications => ReadApplication(reader),
                ImportKind.Appeals => ReadAppeal(reader),
                ImportKind.YearFigures => ReadYearFigures(reader),
                _ => ReadNotice(reader),
            };
            if (key is not null)
            {
                var seen = _seen[(int)kind];
                if (seen.TryGetValue(key, out var first))
                {
                    reader.Fail(reader.KeyField, $"duplicate {reader.KeyField} \"{key}\" (also {first})");
                    return;
                }
                seen[key] = record.Record;
            }
            if (item is null || reader.Failed) return;
            switch (item)
            {
                case ImportedApplication a: _applications.Add(a); break;
                case ImportedAppeal a: _appeals.Add(a); break;
                case ImportedYearFigures f: _figures.Add(f); break;
                case ImportedNotice n: _notices.Add(n); break;
            }
        }

        public ImportBundle Finish(List<ImportError> structure)
        {
            var errors = structure.Concat(_errors.SelectMany(e => e)).ToList();
            if (errors.Count > 0) throw new ImportException(errors);
            return new ImportBundle(_applications, _appeals, _figures, _notices);
        }
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
    private readonly record struct RawValue(string? Text, IReadOnlyList<string>? List, bool WrongShape, double? SpreadsheetNumber = null)
    {
        public static RawValue Missing => new(null, null, false);
        public static RawValue Bad => new(null, null, true);

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
            Debug.Assert(Array.Exists(KnownFields, k => k.Name == field), $"add \"{field}\" to KnownFields, or JSON bundles never carry it");
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
            Debug.Assert(Array.Exists(KnownFields, k => k.Name == field), $"add \"{field}\" to KnownFields, or JSON bundles never carry it");
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
            if (Get(field, required) is not { } value) return null;
            if (value.SpreadsheetNumber is { } serial && serial is > 0 and < 2958466 && serial == Math.Floor(serial))
            {
                // A date cell that lost its format reaches us as Excel's day number.
                return DateOnly.FromDateTime(DateTime.FromOADate(serial));
            }
            if (IsoDate.TryParse(value.Text, out var date)) return date;
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
