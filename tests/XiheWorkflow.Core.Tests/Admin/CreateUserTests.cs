using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Admin;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Domain.Common;

namespace XiheWorkflow.Core.Tests.Admin;

public class CreateUserTests
{
    [Fact]
    public async Task Handle_ValidCommand_CreatesUserWithOneTimePasswordThatSignsIn()
    {
        await using var t = await TestDatabase.CreateAsync();
        var result = await t.Get<CreateUser>().HandleAsync(
            new CreateUser.Command("zhao", "赵磊", ["经办人"], "民生服务中心"), Actor.CommandLine);

        var users = t.Get<UserManager<XiheUser>>();
        var user = await users.FindByNameAsync("zhao");
        user.ShouldNotBeNull();
        user.MustChangePassword.ShouldBeTrue();
        (await users.CheckPasswordAsync(user, result.OneTimePassword)).ShouldBeTrue();
        (await users.IsInRoleAsync(user, Roles.Staff)).ShouldBeTrue();

        await using var db = t.NewContext();
        (await db.AuditEntries.SingleAsync()).Action.ShouldBe("User.Created");
    }

    [Fact]
    public async Task Handle_UnknownRole_IsRefusedAndCreatesNothing()
    {
        await using var t = await TestDatabase.CreateAsync();
        var e = await Should.ThrowAsync<DomainException>(() => t.Get<CreateUser>().HandleAsync(
            new CreateUser.Command("zhao", null, ["Mayor"], null), Actor.CommandLine));
        e.Code.ShouldBe("User.RoleUnknown");
        await using var db = t.NewContext();
        (await db.Users.AnyAsync()).ShouldBeFalse();
    }

    [Fact]
    public async Task Handle_ByNonAdmin_IsRefused()
    {
        await using var t = await TestDatabase.CreateAsync();
        var staff = new Actor("x", "x", new HashSet<string> { Roles.Staff });
        var e = await Should.ThrowAsync<DomainException>(() => t.Get<CreateUser>().HandleAsync(
            new CreateUser.Command("zhao", null, [Roles.Staff], null), staff));
        e.Code.ShouldBe("Auth.RoleRequired");
    }

    [Fact]
    public void GeneratePassword_Always_MeetsThePolicy()
    {
        for (var i = 0; i < 50; i++)
        {
            var p = CreateUser.GeneratePassword();
            p.Length.ShouldBeGreaterThanOrEqualTo(10);
            p.ShouldContain(c => char.IsUpper(c));
            p.ShouldContain(c => char.IsLower(c));
            p.ShouldContain(c => char.IsDigit(c));
            p.ShouldContain(c => !char.IsLetterOrDigit(c));
        }
    }
}
