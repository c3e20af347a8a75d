using Microsoft.Playwright;

namespace XiheWorkflow.EndToEnd.Tests.Account;

[Collection(AppCollection.Name)]
public class SignInJourneyTests(AppFixture app)
{
    [Fact]
    public async Task Staff_SignsInSeesMyWorkInChineseAndSignsOut()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("staff");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "我的工作" })).ToBeVisibleAsync();
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" });
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "我的工作" })).ToBeVisibleAsync();
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "公示跟踪" })).ToBeVisibleAsync();
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "系统管理" })).ToHaveCountAsync(0);
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "待我审核" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("current-user")).ToContainTextAsync("张明");
        await page.ScreenshotAsync("foundation-my-work-staff");

        await page.GetByRole(AriaRole.Button, new() { Name = "用户菜单" }).ClickAsync();
        var signOut = page.GetByRole(AriaRole.Button, new() { Name = "退出登录" });
        await signOut.WaitForAsync();
        await signOut.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "登录" })).ToBeVisibleAsync();
        page.Url.ShouldContain("/login");

        await page.GotoAsync("/");
        await page.WaitForURLAsync(url => url.Contains("/login"));
    }

    [Fact]
    public async Task Admin_SeesAdministrationInTheNavigation()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("admin");
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" });
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "系统管理" })).ToBeVisibleAsync();
    }
}
