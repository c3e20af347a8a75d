using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;
using XiheWorkflow.Domain.Publicity;

namespace XiheWorkflow.Core.Tests.Data;

public class DatabaseInitializerTests
{
    [Fact]
    public async Task Migrate_NewDatabase_CreatesFileWithWalAndReferenceData()
    {
        await using var t = await TestDatabase.CreateAsync();
        await using var db = t.NewContext();
        if (!TestDatabase.IsPostgres)
        {
            File.Exists(Path.Combine(t.DataDirectory, "xihe.db")).ShouldBeTrue();
            var journal = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync();
            journal.Single().ShouldBe("wal");
        }
        (await db.Database.GetAppliedMigrationsAsync()).ShouldNotBeEmpty();

        var offices = await db.Offices.OrderBy(o => o.SortOrder).Select(o => o.Name).ToListAsync();
        offices.ShouldBe(ReferenceData.Offices);

        var cadre = await db.Categories.SingleAsync(c => c.Name == "干部任前公示");
        cadre.IsMajor.ShouldBeTrue();
        cadre.PublicityPeriod.ShouldBe(5);
        cadre.PublicityUnit.ShouldBe(PeriodUnit.WorkingDays);
        var news = await db.Categories.SingleAsync(c => c.Name == "新闻动态");
        news.DefaultKind.ShouldBe(NoticeKind.News);
        news.DefaultChannels.ShouldContain(Channel.WeChat);
        (await db.Categories.CountAsync()).ShouldBe(20);

        (await db.Roles.Select(r => r.Name).ToListAsync()).ShouldBe(Roles.All, ignoreOrder: true);
    }

    [Fact]
    public async Task Migrate_WithoutDemoMode_HasNoUsers()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: false);
        await using var db = t.NewContext();
        (await db.Users.AnyAsync()).ShouldBeFalse();
    }

    [Fact]
    public async Task Initialize_InDemoMode_SeedsDemoAccountsWithRoles()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        await using var db = t.NewContext();
        var names = await db.Users.Select(u => u.UserName).ToListAsync();
        names.ShouldBe(["admin", "staff", "staff2", "leader", "officer", "group", "head"], ignoreOrder: true);

        var leader = await db.Users.Include(u => u.SupervisedOffices).SingleAsync(u => u.UserName == "leader");
        leader.SupervisedOffices.Select(o => o.Name).ShouldBe(["综合办公室", "民生服务中心"], ignoreOrder: true);
        var staffRole = await (from ur in db.UserRoles
                               join r in db.Roles on ur.RoleId equals r.Id
                               join u in db.Users on ur.UserId equals u.Id
                               where u.UserName == "staff2"
                               select r.Name).SingleAsync();
        staffRole.ShouldBe(Roles.Staff);
    }

    [Fact]
    public async Task Migrate_Twice_KeepsEditedReferenceData()
    {
        await using var t = await TestDatabase.CreateAsync();
        await using (var db = t.NewContext())
        {
            var office = await db.Offices.SingleAsync(o => o.Name == "自然资源所");
            office.Rename("自然资源和规划所");
            await db.SaveChangesAsync();
        }
        await t.Get<DatabaseInitializer>().MigrateAsync();
        await using var check = t.NewContext();
        (await check.Offices.CountAsync()).ShouldBe(7);
        (await check.Offices.AnyAsync(o => o.Name == "自然资源和规划所")).ShouldBeTrue();
    }

    [Fact]
    public async Task Migrate_DatabaseFromNewerVersion_RefusesWithClearMessage()
    {
        await using var t = await TestDatabase.CreateAsync();
        await using (var db = t.NewContext())
        {
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('29990101000000_FromTheFuture', '99.0.0')");
        }
        var e = await Should.ThrowAsync<StartupException>(() => t.Get<DatabaseInitializer>().MigrateAsync());
        e.Message.ShouldContain("newer version");
        e.Message.ShouldContain("29990101000000_FromTheFuture");
    }

    [Fact]
    public async Task Migrate_UnwritableDataDirectory_FailsNamingIt()
    {
        var file = Path.GetTempFileName();
        try
        {
            var e = Should.Throw<StartupException>(() => DataDirectory.EnsureWritable(Path.Combine(file, "sub")));
            e.Message.ShouldContain(file);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
