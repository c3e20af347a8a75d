using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using XiheWorkflow.Core.Jobs;
using XiheWorkflow.Core.Operations;
using XiheWorkflow.Core.Tests.Notices;

namespace XiheWorkflow.Core.Tests.Jobs;

/// <summary>The test database's clock starts at 2024-05-10 09:30 in Shanghai.</summary>
public class NightlyBackupServiceTests
{
    [Fact]
    public async Task RunIfDue_BeforeTheHour_WritesNothing()
    {
        await using var t = await TestDatabase.CreateAsync();
        var service = Service(t, hour: 10);

        (await service.RunIfDueAsync()).ShouldBeNull();

        Directory.Exists(service.BackupsDirectory).ShouldBeFalse();
    }

    [SqliteOnlyFact("the nightly backup archives the SQLite file; on PostgreSQL it is off and pg_dump backs up the database")]
    public async Task RunIfDue_AfterTheHour_WritesOneBackupADay()
    {
        await using var t = await TestDatabase.CreateAsync();
        var service = Service(t, hour: 2);

        var first = await service.RunIfDueAsync();
        var again = await service.RunIfDueAsync();
        t.Clock.Advance(TimeSpan.FromDays(1));
        var nextDay = await service.RunIfDueAsync();

        Path.GetFileName(first).ShouldBe("xihe-20240510-0930.zip");
        again.ShouldBeNull();
        Path.GetFileName(nextDay).ShouldBe("xihe-20240511-0930.zip");
        File.Exists(first).ShouldBeTrue();
    }

    [SqliteOnlyFact("the nightly backup archives the SQLite file; on PostgreSQL it is off and pg_dump backs up the database")]
    public async Task RunIfDue_MoreDaysThanKept_DeletesTheOldestOwnBackupsOnly()
    {
        await using var t = await TestDatabase.CreateAsync();
        var service = Service(t, hour: 2, keep: 3);
        Directory.CreateDirectory(service.BackupsDirectory);
        var manual = Path.Combine(service.BackupsDirectory, "before-upgrade.zip");
        File.WriteAllText(manual, "kept");

        for (var day = 0; day < 5; day++)
        {
            (await service.RunIfDueAsync()).ShouldNotBeNull();
            t.Clock.Advance(TimeSpan.FromDays(1));
        }

        Directory.EnumerateFiles(service.BackupsDirectory).Select(Path.GetFileName).Order().ShouldBe(
            ["before-upgrade.zip", "xihe-20240512-0930.zip", "xihe-20240513-0930.zip", "xihe-20240514-0930.zip"]);
    }

    [SqliteOnlyFact("the nightly backup archives the SQLite file; on PostgreSQL it is off and pg_dump backs up the database")]
    public async Task Timer_ClockReachesTheHour_BackupAppearsOnTheNextTick()
    {
        await using var t = await TestDatabase.CreateAsync();
        var service = Service(t, hour: 10);
        await service.StartAsync(CancellationToken.None);
        try
        {
            // 09:30 → 09:50: two ticks, not yet due.
            t.Clock.Advance(NightlyBackupService.Tick);
            t.Clock.Advance(NightlyBackupService.Tick);
            await Task.Delay(200);
            Directory.Exists(service.BackupsDirectory).ShouldBeFalse();

            t.Clock.Advance(NightlyBackupService.Tick);
            var expected = Path.Combine(service.BackupsDirectory, "xihe-20240510-1000.zip");
            for (var i = 0; i < 100 && !File.Exists(expected); i++) await Task.Delay(100);
            File.Exists(expected).ShouldBeTrue();
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Timer_Disabled_NeverWrites()
    {
        await using var t = await TestDatabase.CreateAsync();
        var service = Service(t, hour: 0, enabled: false);
        await service.StartAsync(CancellationToken.None);
        t.Clock.Advance(TimeSpan.FromHours(1));
        await Task.Delay(200);
        await service.StopAsync(CancellationToken.None);
        Directory.Exists(service.BackupsDirectory).ShouldBeFalse();
    }

    [SqliteOnlyFact("the nightly backup archives the SQLite file; on PostgreSQL it is off and pg_dump backs up the database")]
    public async Task RunIfDue_KeepSavedInAdmin_OverridesTheConfiguration()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var service = Service(t, hour: 2, keep: 14);
        await t.Get<BackupSettingsStore>().SaveAsync(new BackupSchedule(2, 2), await t.DemoActorAsync("admin"));

        for (var day = 0; day < 4; day++)
        {
            (await service.RunIfDueAsync()).ShouldNotBeNull();
            t.Clock.Advance(TimeSpan.FromDays(1));
        }

        Directory.EnumerateFiles(service.BackupsDirectory).Select(Path.GetFileName).Order().ShouldBe(
            ["xihe-20240512-0930.zip", "xihe-20240513-0930.zip"]);
    }

    [SqliteOnlyFact("the nightly backup archives the SQLite file; on PostgreSQL it is off and pg_dump backs up the database")]
    public async Task RunIfDue_HourSavedInAdmin_OverridesTheConfiguration()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var service = Service(t, hour: 2);
        await t.Get<BackupSettingsStore>().SaveAsync(new BackupSchedule(10, 14), await t.DemoActorAsync("admin"));

        (await service.RunIfDueAsync()).ShouldBeNull();
        t.Clock.Advance(TimeSpan.FromMinutes(30));
        Path.GetFileName(await service.RunIfDueAsync()).ShouldBe("xihe-20240510-1000.zip");
    }

    private static NightlyBackupService Service(TestDatabase t, int hour, int keep = 14, bool enabled = true) =>
        new(t.Services.GetRequiredService<IServiceScopeFactory>(), t.Services.GetRequiredService<IOptions<XiheOptions>>(),
            Options.Create(new BackupOptions { Enabled = enabled, Hour = hour, Keep = keep }), t.Clock, NullLogger<NightlyBackupService>.Instance);
}
