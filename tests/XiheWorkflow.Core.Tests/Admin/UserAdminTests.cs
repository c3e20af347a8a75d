using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Admin;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Domain.Common;

namespace XiheWorkflow.Core.Tests.Admin;

public class UserAdminTests
{
    private static async Task<(TestDatabase T, Actor Admin)> DemoAsync()
    {
        var t = await TestDatabase.CreateAsync(seedDemo: true);
        var admin = await t.Get<UserManager<XiheUser>>().FindByNameAsync("admin");
        return (t, new Actor(admin!.Id, "系统管理员", new HashSet<string> { Roles.Admin }));
    }

    private static async Task<ListUsers.UserRow> RowAsync(TestDatabase t, Actor admin, string userName) =>
        (await t.Get<ListUsers>().HandleAsync(admin)).Single(u => u.UserName == userName);

    [Fact]
    public async Task List_DemoDatabase_ShowsRolesOfficeAndSupervisedOffices()
    {
        var (t, admin) = await DemoAsync();
        await using var _ = t;
        var leader = await RowAsync(t, admin, "leader");
        leader.Roles.ShouldBe([Roles.SupervisingLeader]);
        leader.SupervisedOffices.Select(o => o.Name).ShouldBe(["综合办公室", "民生服务中心"], ignoreOrder: true);
        (await RowAsync(t, admin, "staff")).Office!.Name.ShouldBe("综合办公室");
    }

    [Fact]
    public async Task SetUserAccess_StaffBecomesLeader_ChangesRolesAndSupervisionAndAudits()
    {
        var (t, admin) = await DemoAsync();
        await using var _ = t;
        var staff = await RowAsync(t, admin, "staff2");
        var offices = (await t.Get<ListReferenceData>().HandleAsync(admin)).Offices;
        var supervised = offices.Where(o => o.Name is "党建办公室" or "自然资源所").Select(o => o.Id).ToList();

        await t.Get<SetUserAccess>().HandleAsync(new SetUserAccess.Command(staff.Id, "李芳", [Roles.SupervisingLeader, Roles.OfficeHead],
            staff.Office!.Id, supervised, staff.ConcurrencyStamp), admin);

        var after = await RowAsync(t, admin, "staff2");
        after.Roles.ShouldBe([Roles.SupervisingLeader, Roles.OfficeHead]);
        after.SupervisedOffices.Select(o => o.Name).ShouldBe(["党建办公室", "自然资源所"]);
        var users = t.Get<UserManager<XiheUser>>();
        (await users.IsInRoleAsync((await users.FindByNameAsync("staff2"))!, Roles.Staff)).ShouldBeFalse();
        await using var db = t.NewContext();
        (await db.AuditEntries.SingleAsync(a => a.Action == "User.AccessChanged")).EntityId.ShouldBe(staff.Id);
    }

    [Fact]
    public async Task SetUserAccess_StaleStamp_IsRefusedAndKeepsTheRoles()
    {
        var (t, admin) = await DemoAsync();
        await using var _ = t;
        var head = await RowAsync(t, admin, "head");
        await t.Get<SetUserAccess>().HandleAsync(new SetUserAccess.Command(head.Id, "刘红主任", head.Roles, head.Office?.Id, [], head.ConcurrencyStamp), admin);

        var e = await Should.ThrowAsync<DomainException>(() => t.Get<SetUserAccess>().HandleAsync(
            new SetUserAccess.Command(head.Id, "刘红", [Roles.Admin], null, [], head.ConcurrencyStamp), admin));

        e.Code.ShouldBe("Admin.StaleEdit");
        var after = await RowAsync(t, admin, "head");
        after.DisplayName.ShouldBe("刘红主任");
        after.Roles.ShouldBe([Roles.OfficeHead]);
    }

    [Fact]
    public async Task SetUserAccess_LeaderWithoutOffices_IsRefused()
    {
        var (t, admin) = await DemoAsync();
        await using var _ = t;
        var leader = await RowAsync(t, admin, "leader");
        var e = await Should.ThrowAsync<DomainException>(() => t.Get<SetUserAccess>().HandleAsync(
            new SetUserAccess.Command(leader.Id, leader.DisplayName, leader.Roles, null, [], leader.ConcurrencyStamp), admin));
        e.Code.ShouldBe("User.LeaderNeedsOffices");
    }

    [Fact]
    public async Task SetUserAccess_AdminDroppingOwnAdminRole_IsRefused()
    {
        var (t, admin) = await DemoAsync();
        await using var _ = t;
        var self = await RowAsync(t, admin, "admin");
        var e = await Should.ThrowAsync<DomainException>(() => t.Get<SetUserAccess>().HandleAsync(
            new SetUserAccess.Command(self.Id, self.DisplayName, [Roles.OfficeHead], null, [], self.ConcurrencyStamp), admin));
        e.Code.ShouldBe("User.CannotRemoveOwnAdmin");
    }

    [Fact]
    public async Task UnlockUser_LockedOut_LiftsTheLockAndAudits()
    {
        var (t, admin) = await DemoAsync();
        await using var _ = t;
        var users = t.Get<UserManager<XiheUser>>();
        var group = (await users.FindByNameAsync("group"))!;
        await users.SetLockoutEndDateAsync(group, t.Clock.GetUtcNow().AddMinutes(15));
        (await RowAsync(t, admin, "group")).IsLockedOut.ShouldBeTrue();

        await t.Get<UnlockUser>().HandleAsync(group.Id, admin);

        (await RowAsync(t, admin, "group")).IsLockedOut.ShouldBeFalse();
        var again = await Should.ThrowAsync<DomainException>(() => t.Get<UnlockUser>().HandleAsync(group.Id, admin));
        again.Code.ShouldBe("User.NotLockedOut");
        await using var db = t.NewContext();
        (await db.AuditEntries.CountAsync(a => a.Action == "User.Unlocked")).ShouldBe(1);
    }
}
