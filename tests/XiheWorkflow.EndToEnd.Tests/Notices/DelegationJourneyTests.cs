using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using XiheWorkflow.Core;
using XiheWorkflow.Core.Admin;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Domain.Common;

namespace XiheWorkflow.EndToEnd.Tests.Notices;

/// <summary>
/// 代理审核: 王建国 (leader) is away and lets a second supervising leader, of another office, decide
/// his stages; she finds his item in 待我审核 marked 代王建国审核, approves it, and the timeline says so.
/// </summary>
[Collection(AppCollection.Name)]
public class DelegationJourneyTests(AppFixture app)
{
    private const string NewPassword = "Deleg#Pass2024";

    /// <summary>The demo has one supervising leader; Admin's use cases add a second one, of 党建办公室 only.</summary>
    private async Task CreateSecondLeaderAsync(string userName, string displayName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<CreateUser>()
            .HandleAsync(new CreateUser.Command(userName, displayName, [Roles.SupervisingLeader], "党建办公室"), Actor.CommandLine);
        var db = scope.ServiceProvider.GetRequiredService<XiheDbContext>();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == created.UserId);
        var party = await db.Offices.Where(o => o.Name == "党建办公室").Select(o => o.Id).SingleAsync();
        await using var scope2 = app.Services.CreateAsyncScope();
        await scope2.ServiceProvider.GetRequiredService<SetUserAccess>().HandleAsync(
            new SetUserAccess.Command(user.Id, displayName, [Roles.SupervisingLeader], party, [party], user.ConcurrencyStamp!), Actor.CommandLine);
        // First sign-in: the one-time password must be replaced.
        var page = await app.NewPageAsync();
        await page.GotoAsync("/login");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(created.OneTimePassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/account/password"));
        await page.GetByLabel("当前密码").FillAsync(created.OneTimePassword);
        await page.GetByLabel("新密码", new() { Exact = true }).FillAsync(NewPassword);
        await page.GetByLabel("确认新密码").FillAsync(NewPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "保存新密码" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/password"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task LeaderDelegatesToSecondLeader_WhoApprovesFromTheQueue_TimelineShowsOnBehalf()
    {
        await CreateSecondLeaderAsync("leader-deleg", "李卫东");

        // 王建国 sets the delegation from 代理审核设置 in the navigation.
        var leader = await app.NewPageAsync();
        await leader.SignInAsync("leader");
        await leader.ClickAndExpectUrlAsync(leader.GetByRole(AriaRole.Link, new() { Name = "代理审核设置" }), new Regex("/reviews/delegation$"));
        await leader.WaitForInteractiveAsync();
        await leader.GetByRole(AriaRole.Button, new() { Name = "保存代理" }).ClickAsync();
        await Assertions.Expect(leader.GetByText("请选择代理人。")).ToBeVisibleAsync();
        await leader.GetByLabel("代理人").ClickAsync();
        await leader.GetByRole(AriaRole.Option, new() { Name = "李卫东", Exact = true }).ClickAsync();
        await leader.GetByRole(AriaRole.Button, new() { Name = "保存代理" }).ClickAsync();
        await Assertions.Expect(leader.GetByTestId("delegation-saved")).ToContainTextAsync("已委托 李卫东 代为审核");
        var row = leader.GetByTestId("delegations").Locator("tbody tr").Filter(new() { HasText = "李卫东" });
        await Assertions.Expect(row).ToContainTextAsync("生效中");
        await leader.ScreenshotAsync("delegation-1-settings");
        // The same period again is refused in plain words, and the form keeps what was chosen.
        await leader.GetByRole(AriaRole.Button, new() { Name = "保存代理" }).ClickAsync();
        await Assertions.Expect(leader.GetByTestId("delegation-failure")).ToContainTextAsync("时间重叠");
        await Assertions.Expect(leader.GetByTestId("delegate-select")).ToContainTextAsync("李卫东");
        await leader.ScreenshotAsync("delegation-1b-overlap");

        // 张明 submits an item of 综合办公室, which 王建国 supervises and 李卫东 does not.
        var staff = await app.NewPageAsync();
        await staff.SignInAsync("staff");
        await staff.GotoAsync("/notices/new");
        await staff.WaitForInteractiveAsync();
        const string title = "硝河乡开展冬季森林防火宣传活动";
        await staff.GetByLabel("标题").FillAsync(title);
        await staff.GetByLabel("类别").ClickAsync();
        await staff.GetByRole(AriaRole.Option, new() { Name = "新闻动态", Exact = true }).ClickAsync();
        await staff.GetByLabel("法律政策依据").FillAsync("《中华人民共和国政府信息公开条例》第二十条");
        var body = staff.GetByRole(AriaRole.Textbox, new() { Name = "正文" });
        await body.ClickAsync();
        await body.PressSequentiallyAsync("11月25日，硝河乡在各村开展冬季森林防火宣传。");
        await staff.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
        await staff.WaitForURLAsync(new Regex(@"/notices/\d+$"));
        var url = staff.Url;

        // 李卫东 finds it in 待我审核, marked, and approves it.
        var standIn = await app.NewPageAsync();
        await standIn.GotoAsync("/login");
        await standIn.GetByLabel("用户名").FillAsync("leader-deleg");
        await standIn.GetByLabel("密码").FillAsync(NewPassword);
        await standIn.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await standIn.WaitForURLAsync(u => !u.Contains("/login"));
        await standIn.GotoAsync("/reviews");
        await standIn.WaitForInteractiveAsync();
        var item = standIn.Locator("tbody tr").Filter(new() { HasText = title });
        await Assertions.Expect(item.GetByTestId("on-behalf")).ToHaveTextAsync("代王建国审核");
        await standIn.ScreenshotAsync("delegation-2-queue");
        await item.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await standIn.WaitForURLAsync(url);
        await standIn.WaitForInteractiveAsync();
        await standIn.GetByLabel("审核意见").FillAsync("王建国同志外出，代为审核，同意。");
        await standIn.GetByRole(AriaRole.Button, new() { Name = "通过", Exact = true }).ClickAsync();
        await Assertions.Expect(standIn.GetByTestId("current-stage")).ToContainTextAsync("政务公开负责人");

        var timeline = standIn.Locator("table.xihe-timeline, .xihe-timeline table").First;
        await Assertions.Expect(timeline).ToContainTextAsync("李卫东（代王建国审核）");
        await standIn.ScreenshotAsync("delegation-3-timeline");

        // Admin sees every delegation in 系统管理 and ends this one.
        var admin = await app.NewPageAsync();
        await admin.SignInAsync("admin");
        await admin.GotoAsync("/admin");
        await admin.WaitForInteractiveAsync();
        await admin.GetByRole(AriaRole.Tab, new() { Name = "代理审核设置" }).ClickAsync();
        var adminRow = admin.GetByTestId("delegations").Locator("tbody tr").Filter(new() { HasText = "李卫东" });
        await Assertions.Expect(adminRow).ToContainTextAsync("生效中");
        await adminRow.GetByRole(AriaRole.Button, new() { Name = "撤销" }).ClickAsync();
        await Assertions.Expect(adminRow).ToContainTextAsync("已撤销（系统管理员");
        await admin.ScreenshotAsync("delegation-4-admin");
    }
}
