using System.Globalization;
using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Cli;
using XiheWorkflow.Core.Calendar;
using XiheWorkflow.Core.Resources;
using XiheWorkflow.Core.Tests.Cli;
using XiheWorkflow.Domain.Calendar;
using XiheWorkflow.Domain.Common;

namespace XiheWorkflow.Core.Tests.Calendar;

public sealed class SaveCalendarYearTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Task<SaveCalendarYear.Result> Save(int year, string[] off, string[] on, string source = "国办发明电〔2026〕1号") =>
        _db.Get<SaveCalendarYear>().HandleAsync(new SaveCalendarYear.Command(year, off.Select(D).ToList(), on.Select(D).ToList(), source), Actor.CommandLine);

    [Fact]
    public async Task GetAsync_NewDatabase_HoldsTheShippedYears()
    {
        var calendar = await _db.Get<CalendarProvider>().GetAsync();

        calendar.KnownYears.Order().ShouldBe(OfficialCalendar.ShippedYears.Select(y => y.Year));
        calendar.IsWorkday(D("2025-09-28")).ShouldBeTrue();
    }

    [Fact]
    public async Task HandleAsync_NewYear_ChangesXiheCalendarIsWorkday()
    {
        var before = await CliRunner.RunAsync("calendar", "is-workday", "2027-01-01", "--data-dir", _db.DataDirectory);
        before.Out.ShouldBe("true" + Environment.NewLine);
        before.Error.ShouldContain("weekends only");

        var result = await Save(2027, ["2027-01-01", "2027-01-02", "2027-01-03"], ["2027-02-07"]);

        result.ShouldBe(new SaveCalendarYear.Result(2027, Replaced: false));
        var after = await CliRunner.RunAsync("calendar", "is-workday", "2027-01-01", "--data-dir", _db.DataDirectory);
        after.ExitCode.ShouldBe(XiheCli.Ok);
        after.Out.ShouldBe("false" + Environment.NewLine);
        after.Error.ShouldBeEmpty();
        (await CliRunner.RunAsync("calendar", "is-workday", "2027-02-07", "--data-dir", _db.DataDirectory)).Out.ShouldBe("true" + Environment.NewLine);
    }

    [Fact]
    public async Task HandleAsync_ReplaceYear_ProviderSeesItAndAuditRecordsIt()
    {
        var provider = _db.Get<CalendarProvider>();
        (await provider.GetAsync()).IsWorkday(D("2026-10-10")).ShouldBeTrue();

        var result = await Save(2026, ["2026-01-01"], [], "更正");

        result.Replaced.ShouldBeTrue();
        (await provider.GetAsync()).IsWorkday(D("2026-10-10")).ShouldBeFalse(); // a Saturday, no longer worked
        await using var db = _db.NewContext();
        var audit = await db.AuditEntries.SingleAsync();
        (audit.Action, audit.EntityId).ShouldBe(("Calendar.YearReplaced", "2026"));
    }

    [Fact]
    public async Task HandleAsync_DayContradictingNeighbourYear_RefusedNamingTheDateAndNothingChanges()
    {
        // 2024-01-01 is a day off in the 2024 notice; a 2023 notice may name it too, but not as a working day.
        var e = await Should.ThrowAsync<DomainException>(() => Save(2023, ["2023-01-02"], ["2024-01-01"]));

        e.Code.ShouldBe("Calendar.DayBothOffAndWorking");
        Messages.For(e).ShouldContain("2024-01-01");
        var calendar = await _db.Get<CalendarProvider>().GetAsync();
        calendar.Years.Single(y => y.Year == 2023).ShouldBe(OfficialCalendar.ShippedYears.Single(y => y.Year == 2023));
        await using var db = _db.NewContext();
        (await db.AuditEntries.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task HandleAsync_DayBothOffAndWorking_RefusedNamingTheDate()
    {
        var e = await Should.ThrowAsync<DomainException>(() => Save(2027, ["2027-02-07"], ["2027-02-07"]));

        e.Code.ShouldBe("Calendar.DayBothOffAndWorking");
        e.Args.ShouldBe(["2027-02-07"]);
    }

    [Fact]
    public async Task HandleAsync_NotAdmin_Refused()
    {
        var officer = new Actor("u1", "马晓梅", new HashSet<string> { Roles.DisclosureOfficer });

        var e = await Should.ThrowAsync<DomainException>(() => _db.Get<SaveCalendarYear>().HandleAsync(
            new SaveCalendarYear.Command(2027, [D("2027-01-01")], [], "x"), officer));

        e.Code.ShouldBe("Auth.RoleRequired");
    }
}
