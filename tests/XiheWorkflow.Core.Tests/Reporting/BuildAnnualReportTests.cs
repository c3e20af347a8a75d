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
