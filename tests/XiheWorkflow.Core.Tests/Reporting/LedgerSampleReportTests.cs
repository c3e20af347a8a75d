using System.Text.Json;
using System.Text.Json.Nodes;
using XiheWorkflow.Core.Importing;
using XiheWorkflow.Core.Tests.TestData;
using XiheWorkflow.Domain.Reporting;

namespace XiheWorkflow.Core.Tests.Reporting;

/// <summary>The sample ledger against the figures computed independently of this code (examples/).</summary>
public class LedgerSampleReportTests
{
    private static JsonNode ReportJson(int year)
    {
        var bundle = ImportBundleParser.ParseFile(TestFiles.Path("ledger-sample.json"));
        var report = AnnualReportCalculator.Compute(year, bundle.ToReportInputs());
        report.ChecksOk.ShouldBeTrue();
        return JsonNode.Parse(AnnualReportJson.Serialize(report))!;
    }

    internal static JsonNode Expected(int year) =>
        JsonNode.Parse(File.ReadAllText(TestFiles.Path($"ledger-sample.expected-{year}.json")))!;

    [Theory]
    [InlineData(2024)]
    [InlineData(2025)]
    public void Compute_LedgerSample_TableAMatchesExpected(int year) =>
        Same(ReportJson(year)["tableA"], Expected(year)["tableA"]);

    [Theory]
    [InlineData(2024)]
    [InlineData(2025)]
    public void Compute_LedgerSample_TableBMatchesExpected(int year)
    {
        var actual = ReportJson(year)["tableB"]!;
        var expected = Expected(year)["tableB"]!;

        Same(actual["columns"], expected["columns"]);
        var expectedRows = expected["rows"]!.AsObject();
        actual["rows"]!.AsObject().Select(r => r.Key).ShouldBe(expectedRows.Select(r => r.Key), ignoreOrder: true);
        foreach (var (code, values) in expectedRows) Same(actual["rows"]![code], values, code);
    }

    [Theory]
    [InlineData(2024)]
    [InlineData(2025)]
    public void Compute_LedgerSample_TableCMatchesExpected(int year) =>
        Same(ReportJson(year)["tableC"], Expected(year)["tableC"]);

    [Theory]
    [InlineData(2024)]
    [InlineData(2025)]
    public void Compute_LedgerSample_ByChannelMatchesExpected(int year)
    {
        var actual = ReportJson(year)["publishing"]!["byChannel"]!.AsObject();
        var expected = Expected(year)["publishing"]!["byChannel"]!.AsObject();

        foreach (var (channel, count) in expected) actual[channel]!.GetValue<int>().ShouldBe(count!.GetValue<int>(), channel);
        // The expected files leave out Screen (电子屏): nothing in the sample is posted there.
        actual.Where(e => !expected.ContainsKey(e.Key)).ShouldAllBe(e => e.Value!.GetValue<int>() == 0);
    }

    [Fact]
    public void Compute_LedgerSampleYearWithoutData_AllZerosAndChecksOk()
    {
        var bundle = ImportBundleParser.ParseFile(TestFiles.Path("ledger-sample.json"));

        var report = AnnualReportCalculator.Compute(2019, bundle.ToReportInputs());

        report.TableB.Rows.ShouldAllBe(r => r.Values.All(v => v == 0));
        report.TableC.Kinds.ShouldAllBe(k => k.Total == 0);
        report.ChecksOk.ShouldBeTrue();
    }

    internal static void Same(JsonNode? actual, JsonNode? expected, string? what = null)
    {
        // Numbers compare by value: the writer may print 0.0 as 0.
        var a = Normalize(actual);
        var e = Normalize(expected);
        a.ShouldBe(e, what);
    }

    private static string Normalize(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject o => "{" + string.Join(",", o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}:{Normalize(p.Value)}")) + "}",
        JsonArray arr => "[" + string.Join(",", arr.Select(Normalize)) + "]",
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.GetValue<decimal>().ToString("G29", System.Globalization.CultureInfo.InvariantCulture),
        _ => node.ToJsonString(),
    };
}
