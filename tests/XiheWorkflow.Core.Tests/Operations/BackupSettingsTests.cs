using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Channels;
using XiheWorkflow.Core.Operations;
using XiheWorkflow.Core.Tests.Notices;
using XiheWorkflow.Domain.Common;

namespace XiheWorkflow.Core.Tests.Operations;

public class BackupSettingsTests
{
    [Fact]
    public async Task Get_NothingSaved_IsTheConfiguration()
    {
        await using var t = await TestDatabase.CreateAsync();

        (await t.Get<BackupSettingsStore>().GetAsync()).ShouldBe(new BackupSchedule(2, 14, Saved: false));
    }

    [SqliteOnlyFact("the schedule is the nightly SQLite backup's; PostgreSQL is backed up with pg_dump")]
    public async Task Save_ByAdmin_IsStoredAuditedAndRead()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var admin = await t.DemoActorAsync("admin");

        await t.Get<BackupSettingsStore>().SaveAsync(new BackupSchedule(3, 30), admin);
        await t.Get<BackupSettingsStore>().SaveAsync(new BackupSchedule(4, 60), admin);

        (await t.Get<BackupSettingsStore>().GetAsync()).ShouldBe(new BackupSchedule(4, 60, Saved: true));
        await using var db = t.NewContext();
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.Action == "Settings.Backup").OrderBy(a => a.Sequence).ToListAsync();
        audit.Count.ShouldBe(2);
        audit[^1].ActorName.ShouldBe("系统管理员");
        audit[^1].Details.ShouldBe("每日备份时间 4时; 保留 60 份");
    }

    [PostgresFact]
    public async Task Save_OnPostgres_IsRefusedPointingToPgDumpAndNothingStored()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var admin = await t.DemoActorAsync("admin");

        var e = await Should.ThrowAsync<DomainException>(() => t.Get<BackupSettingsStore>().SaveAsync(new BackupSchedule(3, 30), admin));

        e.Code.ShouldBe("Backup.NotSqlite");
        (await t.Get<BackupSettingsStore>().GetAsync()).Saved.ShouldBeFalse();
    }

    [Theory]
    [InlineData("officer")]
    [InlineData("head")]
    [InlineData("staff")]
    public async Task Save_NotAdmin_IsRefusedAndNothingStored(string userName)
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var actor = await t.DemoActorAsync(userName);

        var e = await Should.ThrowAsync<DomainException>(() => t.Get<BackupSettingsStore>().SaveAsync(new BackupSchedule(3, 30), actor));

        e.Code.ShouldBe("Auth.RoleRequired");
        (await t.Get<BackupSettingsStore>().GetAsync()).Saved.ShouldBeFalse();
    }

    [Theory]
    [InlineData(-1, 14, "Backup.HourOutOfRange")]
    [InlineData(24, 14, "Backup.HourOutOfRange")]
    [InlineData(2, 0, "Backup.KeepOutOfRange")]
    [InlineData(2, 366, "Backup.KeepOutOfRange")]
    public async Task Save_OutOfRange_IsRefusedAndNothingStored(int hour, int keep, string code)
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);

        var e = await Should.ThrowAsync<DomainException>(async () =>
            await t.Get<BackupSettingsStore>().SaveAsync(new BackupSchedule(hour, keep), await t.DemoActorAsync("admin")));

        e.Code.ShouldBe(code);
        await using var db = t.NewContext();
        (await db.Set<SiteSetting>().AnyAsync(s => s.Key.StartsWith("Backup."))).ShouldBeFalse();
    }
}
