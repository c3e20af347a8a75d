using System.Text.Json.Nodes;
using XiheWorkflow.Core.Importing;
using XiheWorkflow.Core.Reporting;
using XiheWorkflow.Core.Tests.TestData;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Reporting;
using static XiheWorkflow.Core.Tests.Reporting.LedgerSampleReportTests;

namespace XiheWorkflow.Core.Tests.Reporting;

/// <summary>The report computed from the database after an import, against the independently computed figures.</summary>
public sealed class BuildAnnualReportTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private Task ImportSample() => _db.Get<ImportLedger>().HandleAsync(TestFiles.Path("ledger-sample.json"), null, Actor.CommandLine);

    private async Task<AnnualReport> Build(int year) => await _db.Get<BuildAnnualReport>().HandleAsync(year, Actor.CommandLine);

    [Theory]
    [InlineData(2024)]
    [InlineData(2025)]
    public async Task HandleAsync_AfterImportingLedgerSample_MatchesExpectedTables(int year)
    {
        await ImportSample();

        var report = await Build(year);

        report.ChecksOk.ShouldBeTrue();
        var actual = JsonNode.Parse(AnnualReportJson.Serialize(report))!;
        var expected = Expected(year);
        Same(actual["tableA"], expected["tableA"], "tableA");
        Same(actual["tableB"], expected["tableB"], "tableB");
        Same(actual["tableC"], expected["tableC"], "tableC");
        var byChannel = actual["publishing"]!["byChannel"]!.AsObject();
        foreach (var (channel, count) in expected["publishing"]!["byChannel"]!.AsObject())
        {
            byChannel[channel]!.GetValue<int>().ShouldBe(count!.GetValue<int>(), channel);
        }
        byChannel.Where(c => !expected["publishing"]!["byChannel"]!.AsObject().ContainsKey(c.Key)).ShouldAllBe(c => c.Value!.GetValue<int>() == 0);
    }

    [Fact]
    public async Task HandleAsync_SameAsComputingTheParsedBundle_ForEveryYearOfTheSample()
    {
        await ImportSample();
        var bundle = ImportBundleParser.ParseFile(TestFiles.Path("ledger-sample.json"));

        foreach (var year in new[] { 2023, 2024, 2025, 2026 })
        {
            var fromDatabase = AnnualReportJson.Serialize(await Build(year));
            fromDatabase.ShouldBe(AnnualReportJson.Serialize(AnnualReportCalculator.Compute(year, bundle.ToReportInputs())), $"year {year}");
        }
    }

    /// <summary>
    /// The report reads only what can count in its year (nothing closed or repealed before it):
    /// records on either side of 1 January and 31 December give the same figures as computing
    /// over the whole register.
    /// </summary>
    [Fact]
    public async Task HandleAsync_RecordsAroundTheYearsEdges_SameAsComputingOverEverything()
    {
        var ledger = Path.Combine(_db.DataDirectory, "edges.json");
        await File.WriteAllTextAsync(ledger, """
            {
              "applications": [
                { "reference": "E-1", "applicantType": "NaturalPerson", "channel": "Online", "receivedOn": "2023-12-01", "request": "甲", "outcome": "Disclosed", "closedOn": "2023-12-31" },
                { "reference": "E-2", "applicantType": "Business", "channel": "Online", "receivedOn": "2023-12-01", "request": "乙", "outcome": "PartiallyDisclosed", "closedOn": "2024-01-01" },
                { "reference": "E-3", "applicantType": "Research", "channel": "Mail", "receivedOn": "2022-06-01", "request": "丙", "outcome": null, "closedOn": null },
                { "reference": "E-4", "applicantType": "NaturalPerson", "channel": "Online", "receivedOn": "2024-12-31", "request": "丁", "outcome": "Disclosed", "closedOn": "2025-01-02" },
                { "reference": "E-5", "applicantType": "LegalService", "channel": "Online", "receivedOn": "2025-01-01", "request": "戊", "outcome": null, "closedOn": null },
                { "reference": "E-6", "applicantType": "NaturalPerson", "channel": "InPerson", "receivedOn": "2018-03-01", "request": "己", "outcome": "Disclosed", "closedOn": "2018-03-20" }
              ],
              "appeals": [
                { "reference": "EA-1", "kind": "Reconsideration", "filedOn": "2023-11-01", "result": "Upheld", "closedOn": "2023-12-31" },
                { "reference": "EA-2", "kind": "Reconsideration", "filedOn": "2023-11-01", "result": "Corrected", "closedOn": "2024-01-01" },
                { "reference": "EA-3", "kind": "LitigationDirect", "filedOn": "2021-05-01", "result": null, "closedOn": null },
                { "reference": "EA-4", "kind": "LitigationDirect", "filedOn": "2024-12-31", "result": "Other", "closedOn": "2025-01-01" }
              ],
              "notices": [
                { "reference": "EN-1", "title": "规范性文件一", "office": "综合办公室", "category": "政策文件", "kind": "NormativeDocument", "channels": ["PlatformCatalog"], "form": "Text", "origin": "SelfEdited", "publishedOn": "2020-01-01", "repealedOn": "2023-12-31" },
                { "reference": "EN-2", "title": "规范性文件二", "office": "综合办公室", "category": "政策文件", "kind": "NormativeDocument", "channels": ["PlatformCatalog"], "form": "Text", "origin": "SelfEdited", "publishedOn": "2020-01-01", "repealedOn": "2024-01-01" },
                { "reference": "EN-3", "title": "规范性文件三", "office": "综合办公室", "category": "政策文件", "kind": "NormativeDocument", "channels": ["PlatformCatalog"], "form": "Text", "origin": "SelfEdited", "publishedOn": "2019-05-01", "repealedOn": null },
                { "reference": "EN-4", "title": "规章一", "office": "综合办公室", "category": "政策文件", "kind": "Regulation", "channels": ["PlatformCatalog"], "form": "Text", "origin": "SelfEdited", "publishedOn": "2023-12-31", "repealedOn": "2024-12-31" },
                { "reference": "EN-5", "title": "规章二", "office": "综合办公室", "category": "政策文件", "kind": "Regulation", "channels": ["PlatformCatalog"], "form": "Text", "origin": "SelfEdited", "publishedOn": "2024-12-31", "repealedOn": "2025-01-01" },
                { "reference": "EN-6", "title": "通知一", "office": "综合办公室", "category": "民生服务", "kind": "Announcement", "channels": ["WeChat"], "form": "Text", "origin": "SelfEdited", "publishedOn": "2023-12-31", "repealedOn": null },
                { "reference": "EN-7", "title": "通知二", "office": "综合办公室", "category": "民生服务", "kind": "Announcement", "channels": ["WeChat", "PlatformCatalog"], "form": "Text", "origin": "Forwarded", "publishedOn": "2024-01-01", "repealedOn": null }
              ]
            }
            """);
        await _db.Get<ImportLedger>().HandleAsync(ledger, null, Actor.CommandLine);
        var bundle = ImportBundleParser.ParseFile(ledger);

        foreach (var year in new[] { 2023, 2024, 2025 })
        {
            AnnualReportJson.Serialize(await Build(year))
                .ShouldBe(AnnualReportJson.Serialize(AnnualReportCalculator.Compute(year, bundle.ToReportInputs())), $"year {year}");
        }
    }

    [Fact]
    public async Task HandleAsync_YearWithoutData_AllZerosAndChecksOk()
    {
        await ImportSample();

        var report = await Build(2019);

        report.TableA.ShouldBe(new TableA(new DocumentCounts(0, 0, 0), new DocumentCounts(0, 0, 0), 0, 0, 0, 0m));
        report.TableB.Rows.ShouldAllBe(r => r.Values.All(v => v == 0));
        report.TableC.Kinds.ShouldAllBe(k => k.Total == 0);
        report.Publishing.ByChannel.Values.ShouldAllBe(v => v == 0);
        report.ChecksOk.ShouldBeTrue();
    }

    [Fact]
    public async Task HandleAsync_ActorWithoutReportRole_Refused()
    {
        var staff = new Actor("u1", "张明", new HashSet<string> { Roles.Staff });

        var e = await Should.ThrowAsync<DomainException>(() => _db.Get<BuildAnnualReport>().HandleAsync(2024, staff));

        e.Code.ShouldBe("Auth.RoleRequired");
    }
}
