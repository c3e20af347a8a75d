using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using XiheWorkflow.Core;
using XiheWorkflow.Core.Admin;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Core.Requests;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Requests;

namespace XiheWorkflow.Web.Tests.Requests;

public class RequestsAccessTests(XiheWebFactory factory) : IClassFixture<XiheWebFactory>
{
    private async Task<Actor> ActorAsync(string userName)
    {
        var account = DemoAccounts.All.Single(a => a.UserName == userName);
        await using var scope = factory.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<XiheDbContext>>().CreateDbContextAsync();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName);
        return new Actor(user.Id, user.DisplayName, new HashSet<string> { account.Role }, user.OfficeId);
    }

    [Fact]
    public async Task RequestsPage_OfficeHead_ReadsTheRegisterButHasNoRegisterButton()
    {
        using var client = factory.CreateBrowserLikeClient();
        await FormPoster.SignInAsync(client, "head", DemoAccounts.Password);

        var response = await client.GetAsync("/requests");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("申请登记");
        html.ShouldNotContain("登记申请");
    }

    [Fact]
    public async Task RegisterApplication_OfficeHeadPastTheUi_IsRefusedByTheServer()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var register = scope.ServiceProvider.GetRequiredService<RegisterApplication>();
        var head = await ActorAsync("head");

        var refused = await Should.ThrowAsync<DomainException>(() => register.HandleAsync(new RegisterApplication.Command
        {
            ApplicantName = "马海军", Request = "低保资金发放情况", ReceivedOn = new DateOnly(2024, 5, 6), Channel = ApplicationChannel.InPerson,
        }, head));

        refused.Code.ShouldBe("Auth.RoleRequired");
    }

    [Theory]
    [InlineData("/requests")]
    [InlineData("/report")]
    [InlineData("/report/2024/docx")]
    [InlineData("/requests/letters/1")]
    public async Task RegisterPagesAndDownloads_Staff_AreRefused(string path)
    {
        using var client = factory.CreateBrowserLikeClient();
        await FormPoster.SignInAsync(client, "staff", DemoAccounts.Password);

        var response = await client.GetAsync(path);

        response.StatusCode.ShouldBeOneOf(HttpStatusCode.Redirect, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ReportPage_Officer_ShowsTheThreeTablesAndTheChecks()
    {
        using var client = factory.CreateBrowserLikeClient();
        await FormPoster.SignInAsync(client, "officer", DemoAccounts.Password);

        var response = await client.GetAsync("/report?year=2024");

        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html.Length > 3000 ? html[..3000] : html);
        foreach (var label in new[] { "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况", "项校验全部通过" })
        {
            html.ShouldContain(label);
        }
    }

    [Fact]
    public async Task ReportDocx_Officer_DownloadsAWordDocument()
    {
        using var client = factory.CreateBrowserLikeClient();
        await FormPoster.SignInAsync(client, "officer", DemoAccounts.Password);

        var response = await client.GetAsync("/report/2024/docx");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes[..2].ShouldBe("PK"u8.ToArray());
    }
}
