using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using XiheWorkflow.Core.Admin;
using XiheWorkflow.Core.Data;

namespace XiheWorkflow.Web.Tests.Account;

public class SignInTests(XiheWebFactory factory) : IClassFixture<XiheWebFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/reviews")]
    [InlineData("/admin")]
    public async Task ProtectedPage_Anonymous_RedirectsToLogin(string path)
    {
        using var client = factory.CreateBrowserLikeClient();
        var response = await client.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/login?ReturnUrl=");
    }

    [Fact]
    public async Task LoginPage_Anonymous_ShowsChineseForm()
    {
        using var client = factory.CreateBrowserLikeClient();
        var html = await client.GetStringAsync("/login");
        html.ShouldContain("用户名");
        html.ShouldContain("密码");
        html.ShouldContain("登录");
    }

    [Fact]
    public async Task SignIn_WrongPassword_ShowsMessageAndCountsTheFailure()
    {
        using var client = factory.CreateBrowserLikeClient();
        var response = await FormPoster.SignInAsync(client, "head", "not-the-password");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("用户名或密码错误");
        response.Headers.Contains("Set-Cookie").ShouldBeFalse();

        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<XiheUser>>();
        var head = await users.FindByNameAsync("head");
        (await users.GetAccessFailedCountAsync(head!)).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task SignIn_RepeatedFailures_LocksTheAccount()
    {
        using var client = factory.CreateBrowserLikeClient();
        for (var i = 0; i < 5; i++) await FormPoster.SignInAsync(client, "group", "wrong-password");
        var response = await FormPoster.SignInAsync(client, "group", DemoAccounts.Password);
        (await response.Content.ReadAsStringAsync()).ShouldContain("已被锁定");
    }

    [Fact]
    public async Task SignIn_DemoAccount_SetsCookieAndOpensMyWork()
    {
        using var client = factory.CreateBrowserLikeClient();
        var response = await FormPoster.SignInAsync(client, "staff", DemoAccounts.Password);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        Target(response).ShouldBe("http://localhost/");
        var home = await client.GetAsync("/");
        home.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await home.Content.ReadAsStringAsync();
        html.ShouldContain("我的工作");
        html.ShouldNotContain("系统管理");
    }

    [Fact]
    public async Task AdminPage_SignedInWithoutAdminRole_IsRefused()
    {
        using var client = factory.CreateBrowserLikeClient();
        await FormPoster.SignInAsync(client, "staff2", DemoAccounts.Password);
        var response = await client.GetAsync("/admin");
        response.StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SignIn_ReturnUrlToAnotherSite_GoesHomeInstead()
    {
        using var client = factory.CreateBrowserLikeClient();
        var response = await FormPoster.SubmitAsync(client, "/login?ReturnUrl=//evil.example", "login",
            new Dictionary<string, string> { ["Input.UserName"] = "officer", ["Input.Password"] = DemoAccounts.Password });
        Target(response).ShouldBe("http://localhost/");
    }

    private static string Target(HttpResponseMessage response) =>
        new Uri(new Uri("http://localhost/"), response.Headers.Location!).ToString();
}
