using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Data.Sqlite;
using XiheWorkflow.Cli;
using XiheWorkflow.Core.Tests.TestData;
using static XiheWorkflow.Core.Tests.Reporting.LedgerSampleReportTests;

namespace XiheWorkflow.Core.Tests.Cli;

public sealed class ImportReportCommandsTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "xihe-cli-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private Task<CliRunner.Run> Xihe(params string[] args) => CliRunner.RunAsync([.. args, "--data-dir", _dir]);

    private async Task ImportSample()
    {
        var run = await Xihe("import", TestFiles.Path("ledger-sample.json"));
        run.ExitCode.ShouldBe(XiheCli.Ok, run.Error);
    }

    [Fact]
    public async Task Import_LedgerSampleTwice_Exit0WithSummaryLines()
    {
        var first = await Xihe("import", TestFiles.Path("ledger-sample.json"));
        var second = await Xihe("import", TestFiles.Path("ledger-sample.json"));

        first.ExitCode.ShouldBe(XiheCli.Ok, first.Error);
        first.Out.ShouldBe("imported 60 applications, 10 appeals, 2 year figures, 40 notices (0 unchanged)" + Environment.NewLine);
        second.ExitCode.ShouldBe(XiheCli.Ok, second.Error);
        second.Out.ShouldBe("imported 0 applications, 0 appeals, 0 year figures, 0 notices (112 unchanged)" + Environment.NewLine);
    }

    [Fact]
    public async Task ReportAnnual_AfterImport_PrintsJsonWithTheSampleFigures()
    {
        await ImportSample();

        var run = await Xihe("report", "annual", "--year", "2024");

        run.ExitCode.ShouldBe(XiheCli.Ok, run.Error);
        run.Error.ShouldBeEmpty();
        var json = JsonNode.Parse(run.Out)!;
        json["year"]!.GetValue<int>().ShouldBe(2024);
        Same(json["tableB"], Expected(2024)["tableB"], "tableB");
        Same(json["tableC"], Expected(2024)["tableC"], "tableC");
        json["checks"]!.AsArray().ShouldAllBe(c => c!["ok"]!.GetValue<bool>());
    }

    [Fact]
    public async Task ReportAnnual_DocxWithOut_WritesTheReport()
    {
        await ImportSample();
        var path = Path.Combine(_dir, "report-2025.docx");

        var run = await Xihe("report", "annual", "--year", "2025", "--format", "docx", "--out", path);

        run.ExitCode.ShouldBe(XiheCli.Ok, run.Error);
        run.Out.ShouldBeEmpty();
        using var doc = WordprocessingDocument.Open(path, false);
        doc.MainDocumentPart!.Document.Body!.InnerText.ShouldContain("硝河乡人民政府2025年政府信息公开工作年度报告");
    }

    [Fact]
    public async Task ReportAnnual_JsonWithOut_WritesFileNotStdout()
    {
        await ImportSample();
        var path = Path.Combine(_dir, "report-2025.json");

        var run = await Xihe("report", "annual", "--year", "2025", "--out", path);

        run.ExitCode.ShouldBe(XiheCli.Ok, run.Error);
        run.Out.ShouldBeEmpty();
        Same(JsonNode.Parse(File.ReadAllText(path))!["tableA"], Expected(2025)["tableA"], "tableA");
    }

    [Fact]
    public async Task ReportAnnual_DocxWithoutOut_Exit2()
    {
        var run = await Xihe("report", "annual", "--year", "2024", "--format", "docx");

        run.ExitCode.ShouldBe(XiheCli.BadInput);
        run.Out.ShouldBeEmpty();
        run.Error.Trim().ShouldBe("xihe: --format docx needs --out FILE (a .docx cannot go to standard output).");
    }

    [Theory]
    [InlineData("report", "annual")]
    [InlineData("report", "annual", "--year", "twenty")]
    [InlineData("report", "annual", "--year", "2024", "--format", "pdf")]
    public async Task ReportAnnual_BadUsage_Exit2(params string[] args)
    {
        var run = await Xihe(args);

        run.ExitCode.ShouldBe(XiheCli.BadInput);
        run.Out.ShouldBeEmpty();
    }

    [Fact]
    public async Task ReportAnnual_DamagedRegister_Exit1NamingTheFailedCheck()
    {
        await ImportSample();
        // A closing date without an outcome cannot come through the import; a hand-edited file can.
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(_dir, "xihe.db")}"))
        {
            await connection.OpenAsync();
            var command = connection.CreateCommand();
            command.CommandText = "UPDATE Applications SET Outcome = NULL WHERE Reference = 'YS-0002'";
            (await command.ExecuteNonQueryAsync()).ShouldBe(1);
        }

        var run = await Xihe("report", "annual", "--year", "2024");

        run.ExitCode.ShouldBe(XiheCli.Found);
        JsonNode.Parse(run.Out)!["checks"]!.AsArray().ShouldContain(c => !c!["ok"]!.GetValue<bool>());
        run.Error.ShouldContain("B.balance.PublicInterest");
    }

    [Fact]
    public async Task Import_BadRecord_Exit2OneLineNamingFileRecordAndFieldAndWritesNothing()
    {
        Directory.CreateDirectory(_dir);
        var path = Path.Combine(_dir, "ledger.json");
        File.WriteAllText(path, """
            { "applications": [
                { "reference": "XH-1", "applicantType": "NaturalPerson", "channel": "Online", "receivedOn": "2024-03-05" },
                { "reference": "XH-2", "applicantType": "Martian", "channel": "Online", "receivedOn": "2024-03-05" } ] }
            """);

        var run = await Xihe("import", path);

        run.ExitCode.ShouldBe(XiheCli.BadInput);
        run.Out.ShouldBeEmpty();
        run.Error.ShouldBe("xihe: ledger.json: applications[1] (XH-2).applicantType: unknown code \"Martian\"" + Environment.NewLine);
        var report = await Xihe("report", "annual", "--year", "2024");
        JsonNode.Parse(report.Out)!["tableB"]!["rows"]!["Received"]![6]!.GetValue<int>().ShouldBe(0);
    }

    [Theory]
    [InlineData("missing.json", "file not found")]
    [InlineData("ledger.txt", "unsupported file type")]
    [InlineData("ledger.csv", "say which")]
    public async Task Import_BadFile_Exit2OneLine(string name, string expected)
    {
        Directory.CreateDirectory(_dir);
        var path = Path.Combine(_dir, name);
        if (!name.StartsWith("missing")) File.WriteAllText(path, "reference,applicantType\nXH-1,NaturalPerson\n");

        var run = await Xihe("import", path);

        run.ExitCode.ShouldBe(XiheCli.BadInput);
        run.Error.ShouldContain(expected);
        run.Error.Trim().Split('\n').Length.ShouldBe(1);
    }

    [Fact]
    public async Task Import_CsvWithKind_ImportsThatKind()
    {
        Directory.CreateDirectory(_dir);
        var path = Path.Combine(_dir, "appeals.csv");
        File.WriteAllText(path, "reference,kind,filedOn,result,closedOn\nFY-2024-01,行政复议,2024-05-01,Upheld,2024-07-01\nFY-2024-02,LitigationDirect,2024-09-01,,\n");

        var run = await Xihe("import", path, "--kind", "appeals");

        run.ExitCode.ShouldBe(XiheCli.Ok, run.Error);
        run.Out.ShouldStartWith("imported 0 applications, 2 appeals, ");
    }
}
