using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using XiheWorkflow.Core.Admin;
using XiheWorkflow.Core.Data;

namespace XiheWorkflow.Web.Tests.Channels;

/// <summary>The two anonymous channel routes answer without sign-in; the .docx and the texts page need one.</summary>
public class ChannelRoutesTests(XiheWebFactoryWithDemoNotices factory) : IClassFixture<XiheWebFactoryWithDemoNotices>
{
    private const string DemoPublished = "硝河乡养老服务补贴申领指南";

    [Fact]
    public void AccessMatrix_PublicChannelRoutes_AreExpectedAnonymous()
    {
        var pages = AccessMatrixTests.Pages().ToDictionary(p => p.Path, p => p.Rule);
        pages["/public/screen"].AllowAnonymous.ShouldBeTrue();
        pages["/notices/1/channels"].AllowAnonymous.ShouldBeFalse();
    }

    [Fact]
    public async Task Print_Anonymous_IsTheWholeSheetWithItsStylesheetAndNoAppChrome()
    {
        using var client = factory.CreateBrowserLikeClient();

        var response = await client.GetAsync($"/public/notices/{await IdAsync(DemoPublished)}/print");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("<h1 id=\"sheet-title\" class=\"sheet-title\">硝河乡养老服务补贴申领指南</h1>");
        html.ShouldContain("/assets/print.css");
        html.ShouldContain("监督电话：0954-7012345");
        html.ShouldNotContain("blazor.web.js");
        // The print stylesheet lives in wwwroot-assets, linked into the app under /assets.
        (await client.GetAsync("/assets/print.css")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Print_NoticeNotPublished_IsNotFound()
    {
        using var client = factory.CreateBrowserLikeClient();

        var response = await client.GetAsync($"/public/notices/{await IdAsync("关于开展农村人居环境整治的通知")}/print");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Docx_Anonymous_IsRefused_Officer_GetsTheSheet()
    {
        var id = await IdAsync(DemoPublished);
        using var anonymous = factory.CreateBrowserLikeClient();
        (await anonymous.GetAsync($"/notices/{id}/channels/docx")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var client = factory.CreateBrowserLikeClient();
        await FormPoster.SignInAsync(client, "officer", DemoAccounts.Password);
        var response = await client.GetAsync($"/notices/{id}/channels/docx");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var docx = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var text = docx.MainDocumentPart!.Document.Body!.InnerText;
        text.ShouldStartWith(DemoPublished);
        text.ShouldContain("90周岁及以上每人每月350元");
    }

    [Fact]
    public async Task Screen_Anonymous_NothingInPublicity_SaysSoInsteadOfShowingPublishedNotices()
    {
        using var client = factory.CreateBrowserLikeClient();

        var response = await client.GetAsync("/public/screen");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("目前没有正在公示的事项。");
        html.ShouldNotContain(DemoPublished);
        html.ShouldNotContain("xihe-screen-title");
    }

    [Fact]
    public async Task AdminPage_Admin_HasTheChannelSettingsTab()
    {
        using var client = factory.CreateBrowserLikeClient();
        await FormPoster.SignInAsync(client, "admin", DemoAccounts.Password);

        var html = await (await client.GetAsync("/admin")).Content.ReadAsStringAsync();

        html.ShouldContain("发布渠道");
    }

    [Fact]
    public async Task ReportPage_PublishedNoticesWithoutPostings_AreListedUnderSectionOne()
    {
        using var client = factory.CreateBrowserLikeClient();
        await FormPoster.SignInAsync(client, "officer", DemoAccounts.Password);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<XiheDbContext>>().CreateDbContextAsync();
            var year = (await db.Notices.Where(n => n.Title == DemoPublished).Select(n => n.PublishedAtUtc).SingleAsync())!.Value.Year;

            var html = await (await client.GetAsync($"/report?year={year}")).Content.ReadAsStringAsync();

            html.ShouldContain("尚未登记任何渠道的发布记录");
            html.ShouldContain(DemoPublished);
        }
    }

    private async Task<int> IdAsync(string title)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<XiheDbContext>>().CreateDbContextAsync();
        return await db.Notices.Where(n => n.Title == title).Select(n => n.Id).SingleAsync();
    }
}
