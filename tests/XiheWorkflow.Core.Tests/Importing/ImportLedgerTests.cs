using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Importing;
using XiheWorkflow.Core.Tests.TestData;
using XiheWorkflow.Domain.Common;

namespace XiheWorkflow.Core.Tests.Importing;

public sealed class ImportLedgerTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private Task<ImportLedger.Result> Import(string path) => _db.Get<ImportLedger>().HandleAsync(path, null, Actor.CommandLine);

    private string Write(string name, string json)
    {
        var path = Path.Combine(_db.DataDirectory, name);
        File.WriteAllText(path, json);
        return path;
    }

    private async Task<(int Applications, int Appeals, int Figures, int Notices, int Audit)> Counts()
    {
        await using var db = _db.NewContext();
        return (await db.Applications.CountAsync(), await db.Appeals.CountAsync(), await db.YearFigures.CountAsync(),
            await db.HistoricalNotices.CountAsync(), await db.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task HandleAsync_LedgerSample_ImportsEveryRecordAndAudits()
    {
        var result = await Import(TestFiles.Path("ledger-sample.json"));

        result.Summary.ShouldBe("imported 60 applications, 10 appeals, 2 year figures, 40 notices (0 unchanged)");
        var (applications, appeals, figures, notices, _) = await Counts();
        (applications, appeals, figures, notices).ShouldBe((60, 10, 2, 40));
        await using var db = _db.NewContext();
        (await db.Applications.AllAsync(a => a.IsImported)).ShouldBeTrue();
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == "Import.Completed");
        audit.EntityId.ShouldBe("ledger-sample.json");
        audit.Details.ShouldBe(result.Summary);
    }

    [Fact]
    public async Task HandleAsync_SameLedgerTwice_SecondChangesNothing()
    {
        await Import(TestFiles.Path("ledger-sample.json"));
        var before = await Counts();

        var second = await Import(TestFiles.Path("ledger-sample.json"));

        second.Summary.ShouldBe("imported 0 applications, 0 appeals, 0 year figures, 0 notices (112 unchanged)");
        (await Counts()).ShouldBe(before);
    }

    [Fact]
    public async Task HandleAsync_ChangedRecord_RefusedNamingReferenceAndFieldAndWritesNothing()
    {
        await Import(TestFiles.Path("ledger-sample.json"));
        var before = await Counts();
        var changed = File.ReadAllText(TestFiles.Path("ledger-sample.json"))
            .Replace("\"outcome\": \"Withheld.ProhibitedByLaw\",\n   \"closedOn\": \"2025-10-28\"", "\"outcome\": \"Disclosed\",\n   \"closedOn\": \"2025-10-28\"")
            .Replace("\"applications\": [", """
                "applications": [ { "reference": "XH-NEW-1", "applicantType": "NaturalPerson", "channel": "Online", "receivedOn": "2025-03-01" },
                """);
        changed.ShouldContain("XH-NEW-1");

        var e = await Should.ThrowAsync<ImportException>(() => Import(Write("ledger-changed.json", changed)));

        e.Message.ShouldStartWith("ledger-changed.json: applications[2] (YS-0001).outcome: ");
        e.Message.ShouldContain("\"Withheld.ProhibitedByLaw\" stored, \"Disclosed\" in the file");
        (await Counts()).ShouldBe(before);
        await using var db = _db.NewContext();
        (await db.Applications.AnyAsync(a => a.Reference == "XH-NEW-1")).ShouldBeFalse();
    }

    [Fact]
    public async Task HandleAsync_UnknownCategory_RefusedNamingItAndWritesNothing()
    {
        var path = Write("ledger.json", """
            {
              "applications": [ { "reference": "XH-1", "applicantType": "NaturalPerson", "channel": "Online", "receivedOn": "2024-03-05" } ],
              "notices": [
                { "reference": "GK-2024-001", "title": "公告", "office": "民生服务中心", "category": "民生服务", "kind": "Announcement",
                  "channels": ["PlatformCatalog"], "publishedOn": "2024-04-02" },
                { "reference": "GK-2024-017", "title": "公示", "office": "民生服务中心", "category": "不存在的类别", "kind": "Publicity",
                  "channels": ["PlatformCatalog", "WeChat"], "form": "Text", "origin": "SelfEdited", "publishedOn": "2024-04-02" }
              ]
            }
            """);

        var e = await Should.ThrowAsync<ImportException>(() => Import(path));

        e.Message.ShouldBe("ledger.json: notices[1] (GK-2024-017).category: unknown category \"不存在的类别\"");
        (await Counts()).ShouldBe((0, 0, 0, 0, 0));
    }

    [Fact]
    public async Task HandleAsync_UnknownOffice_RefusedNamingIt()
    {
        var path = Write("ledger.json", """
            { "notices": [ { "reference": "GK-1", "title": "公告", "office": "宣传办", "category": "民生服务", "kind": "News",
                             "channels": ["WeChat"], "publishedOn": "2024-04-02" } ] }
            """);

        var e = await Should.ThrowAsync<ImportException>(() => Import(path));

        e.Message.ShouldBe("ledger.json: notices[0] (GK-1).office: unknown office \"宣传办\"");
    }

    private const string Good = """{ "reference": "XH-1", "applicantType": "NaturalPerson", "channel": "Online", "receivedOn": "2024-03-05", "outcome": "Disclosed", "closedOn": "2024-03-20" }""";

    [Theory]
    [InlineData("""{ "reference": "XH-2", "applicantType": "NaturalPerson", "channel": "Online", "receivedOn": "2024-03-05", "outcome": "Withheld.Secret", "closedOn": "2024-03-20" }""",
        "applications[1] (XH-2).outcome: unknown code \"Withheld.Secret\"")]
    [InlineData("""{ "reference": "XH-2", "applicantType": "NaturalPerson", "receivedOn": "2024-03-05" }""",
        "applications[1] (XH-2).channel: is required")]
    [InlineData("""{ "reference": "XH-2", "applicantType": "NaturalPerson", "channel": "Online", "receivedOn": "2024-03-05", "outcome": "Disclosed", "closedOn": "2024-03-01" }""",
        "applications[1] (XH-2).closedOn: ")]
    [InlineData("""{ "reference": "XH-1", "applicantType": "Business", "channel": "Mail", "receivedOn": "2024-04-05" }""",
        "applications[1] (XH-1).reference: duplicate reference \"XH-1\"")]
    public async Task HandleAsync_BadRecord_RefusedNamingRecordAndFieldAndWritesNothing(string bad, string expected)
    {
        var path = Write("ledger.json", $$"""{ "applications": [ {{Good}}, {{bad}} ] }""");

        var e = await Should.ThrowAsync<ImportException>(() => Import(path));

        e.Message.ShouldStartWith("ledger.json: " + expected);
        (await Counts()).ShouldBe((0, 0, 0, 0, 0));
    }

    [Fact]
    public async Task HandleAsync_ActorWithoutRole_Refused()
    {
        var staff = new Actor("u1", "张明", new HashSet<string> { Roles.Staff });

        var e = await Should.ThrowAsync<DomainException>(() =>
            _db.Get<ImportLedger>().HandleAsync(TestFiles.Path("ledger-sample.json"), null, staff));

        e.Code.ShouldBe("Auth.RoleRequired");
        (await Counts()).ShouldBe((0, 0, 0, 0, 0));
    }
}
