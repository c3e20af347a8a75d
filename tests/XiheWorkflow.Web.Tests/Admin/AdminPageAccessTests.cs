using System.Net;
using XiheWorkflow.Core.Admin;

namespace XiheWorkflow.Web.Tests.Admin;

public class AdminPageAccessTests(XiheWebFactory factory) : IClassFixture<XiheWebFactory>
{
    [Theory]
    [InlineData("staff")]
    [InlineData("officer")]
    [InlineData("head")]
    public async Task AdminPage_SignedInWithoutAdminRole_ShowsNoAdministration(string userName)
    {
        using var client = factory.CreateBrowserLikeClient();
        await FormPoster.SignInAsync(client, userName, DemoAccounts.Password);

        var response = await client.GetAsync("/admin");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/login");
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("公开目录类别");
    }

    [Fact]
    public async Task AdminPage_Admin_ShowsTheFourTabsAndTheOffices()
    {
        using var client = factory.CreateBrowserLikeClient();
        await FormPoster.SignInAsync(client, "admin", DemoAccounts.Password);

        var response = await client.GetAsync("/admin");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        foreach (var tab in new[] { "科室", "公开目录类别", "审核流程", "用户" }) html.ShouldContain(tab);
        html.ShouldContain("民生服务中心");
    }
}
