using System.Text.Encodings.Web;
using System.Text.Json;
using XiheWorkflow.Domain.Common;

namespace XiheWorkflow.Domain.Reporting;

/// <summary>
/// Writes the report in the shape of INTERFACES.md §5. Written by hand rather than serialized
/// from the model so that the contract's key names and nesting cannot drift with a rename.
/// </summary>
public static class AnnualReportJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // Check descriptions are Chinese; keep them readable rather than \u-escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(AnnualReport report)
    {
        using var stream = new MemoryStream();
        Write(report, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void Write(AnnualReport report, Stream output)
    {
        using var w = new Utf8JsonWriter(output, Options);
        w.WriteStartObject();
        w.WriteNumber("year", report.Year);

        var a = report.TableA;
        w.WriteStartObject("tableA");
        WriteDocuments(w, "regulations", a.Regulations);
        WriteDocuments(w, "normativeDocuments", a.NormativeDocuments);
        w.WriteNumber("licensing", a.Licensing);
        w.WriteNumber("penalty", a.Penalty);
        w.WriteNumber("enforcement", a.Enforcement);
        w.WriteNumber("feesTenThousandYuan", a.FeesTenThousandYuan);
        w.WriteEndObject();

        w.WriteStartObject("tableB");
        w.WriteStartArray("columns");
        foreach (var column in TableB.Columns) w.WriteStringValue(column);
        w.WriteEndArray();
        w.WriteStartObject("rows");
        foreach (var code in TableB.RowCodes)
        {
            w.WriteStartArray(code);
            foreach (var value in report.TableB.Row(code).Values) w.WriteNumberValue(value);
            w.WriteEndArray();
        }
        w.WriteEndObject();
        w.WriteEndObject();

        w.WriteStartObject("tableC");
        foreach (var k in report.TableC.Kinds)
        {
            w.WriteStartObject(k.Kind.ToString());
            w.WriteNumber("Upheld", k.Upheld);
            w.WriteNumber("Corrected", k.Corrected);
            w.WriteNumber("Other", k.Other);
            w.WriteNumber("Pending", k.Pending);
            w.WriteNumber("Total", k.Total);
            w.WriteEndObject();
        }
        w.WriteEndObject();

        var p = report.Publishing;
        w.WriteStartObject("publishing");
        w.WriteStartObject("byChannel");
        foreach (var (channel, count) in p.ByChannel.OrderBy(e => e.Key)) w.WriteNumber(CodeLabels.Code(channel), count);
        w.WriteEndObject();
        w.WriteStartObject("wechat");
        w.WriteStartObject("byForm");
        foreach (var (form, count) in p.WeChatByForm.OrderBy(e => e.Key)) w.WriteNumber(CodeLabels.Code(form), count);
        w.WriteEndObject();
        w.WriteStartObject("byOrigin");
        foreach (var (origin, count) in p.WeChatByOrigin.OrderBy(e => e.Key)) w.WriteNumber(CodeLabels.Code(origin), count);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();

        w.WriteStartArray("checks");
        foreach (var c in report.Checks)
        {
            w.WriteStartObject();
            w.WriteString("rule", c.Rule);
            w.WriteString("description", c.Description);
            w.WriteBoolean("ok", c.Ok);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteEndObject();
    }

    private static void WriteDocuments(Utf8JsonWriter w, string name, DocumentCounts counts)
    {
        w.WriteStartObject(name);
        w.WriteNumber("issued", counts.Issued);
        w.WriteNumber("repealed", counts.Repealed);
        w.WriteNumber("inForce", counts.InForce);
        w.WriteEndObject();
    }
}
