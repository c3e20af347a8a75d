using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using UglyToad.PdfPig;
using XiheWorkflow.Core.Channels;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Web.Features.Public;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Logging;
using XiheWorkflow.Domain.Common;

namespace XiheWorkflow.EndToEnd.Tests.Channels;

[Collection(AppCollection.Name)]
public class ChannelJourneyTests(AppFixture app)
{
    // A demo notice published by 综合办公室 for the portal, WeChat, Weibo and the notice boards.
    private const string DemoPublished = "硝河乡2024年政府信息公开工作年度报告";

    [Fact]
    public async Task Officer_OpensPrintViewAndWeChatArticle_MarksBothPosted_SeesTheRemainingChannels()
    {
        var (id, issuedOn) = await NoticeAsync(DemoPublished);
        var page = await app.NewPageAsync();
        await page.SignInAsync("officer");
        await page.GotoAsync($"/notices/{id}");
        await page.WaitForInteractiveAsync();
        var missing = page.GetByTestId("missing-channels");
        await Assertions.Expect(missing).ToContainTextAsync("尚未发布：政府信息公开、微信公众号、微博、公开栏");

        var print = await page.Context.RunAndWaitForPageAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "公开栏打印" }).First.ClickAsync());
        await print.WaitForLoadStateAsync();
        await Assertions.Expect(print.GetByRole(AriaRole.Heading, new() { Name = DemoPublished })).ToBeVisibleAsync();
        await Assertions.Expect(print.GetByTestId("objection")).ToContainTextAsync("监督电话：0954-7012345");
        await print.ScreenshotAsync("channels-1-print-view");
        var pdf = await print.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = false });
        var firstPage = PdfText(pdf);
        firstPage.ShouldContain(DemoPublished);
        // 落款: the signing organisation with the issuing date under it, both on page 1.
        firstPage.ShouldContain("硝河乡人民政府" + issuedOn);
        // No 公示期 line yet: publicity windows come from another branch (ChannelSheet.PublicityText).
        await File.WriteAllBytesAsync(Path.Combine(AppFixture.ScreenshotDirectory, "channels-1-print-view.pdf"), pdf);
        await print.SetViewportSizeAsync(794, 1123);
        await print.EmulateMediaAsync(new() { Media = Media.Print });
        await print.ScreenshotAsync("channels-1b-print-media");
        await print.CloseAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "渠道文稿" }).First.ClickAsync();
        await page.WaitForURLAsync($"**/notices/{id}/channels");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("wechat-preview")).ToContainTextAsync(DemoPublished);
        (await page.GetByLabel("微信公众号文章 HTML").InputValueAsync()).ShouldContain("style=");
        await page.ScreenshotAsync("channels-2-texts");

        await page.GetByRole(AriaRole.Link, new() { Name = "返回公开事项" }).ClickAsync();
        await page.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "标记已发布 微信公众号" }).ClickAsync();
        await page.GetByLabel("链接").FillAsync("https://mp.weixin.qq.com/s/xihe-2024-report");
        await page.ScreenshotAsync("channels-3-wechat-dialog");
        await page.GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
        await Assertions.Expect(page.Locator("tr[data-channel='WeChat']")).ToContainTextAsync("已发布");

        await page.GetByRole(AriaRole.Button, new() { Name = "标记已发布 公开栏" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
        await Assertions.Expect(page.Locator("tr[data-channel='NoticeBoard']")).ToContainTextAsync("已发布");

        // Waits for the list to settle: "…、微博" is also a prefix of the list before 公开栏 was marked.
        await Assertions.Expect(missing).ToHaveTextAsync("尚未发布：政府信息公开、微博");
        (await missing.InnerTextAsync()).ShouldNotContain("公开栏");
        await page.ScreenshotAsync("channels-4-remaining");
    }

    [Fact]
    public async Task PrintView_WithPublicityWindow_HasTitlePublicityAndSignatureOnPageOne()
    {
        // Publicity windows come from another branch; the sheet's hook is filled here by hand and the
        // sheet rendered by the same component and stylesheet as /public/notices/{id}/print.
        var (id, issuedOn) = await NoticeAsync("硝河乡养老服务补贴申领指南");
        const string publicity = "公示期：2024年5月10日至2024年5月16日";
        var sheet = (await app.Services.CreateScope().ServiceProvider.GetRequiredService<ChannelOutputs>().SheetAsync(id, null, app.BaseUrl))!
            with { PublicityText = publicity };
        await using var renderer = new HtmlRenderer(app.Services.CreateScope().ServiceProvider, app.Services.GetRequiredService<ILoggerFactory>());
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<NoticeBoardSheet>(ParameterView.FromDictionary(new Dictionary<string, object?> { ["Sheet"] = sheet }))).ToHtmlString());
        var page = await app.NewPageAsync();
        var css = await (await page.APIRequest.GetAsync("/print.css")).TextAsync();

        var styled = System.Text.RegularExpressions.Regex.Replace(html, "<link[^>]*print\\.css[^>]*>", $"<style>{css}</style>");
        styled.ShouldContain(".sheet-title");
        await page.SetContentAsync(styled);
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4" });

        var firstPage = PdfText(pdf);
        firstPage.ShouldContain("硝河乡养老服务补贴申领指南");
        firstPage.ShouldContain(publicity);
        firstPage.ShouldContain("硝河乡人民政府" + issuedOn);
        await page.ScreenshotAsync("channels-6-print-with-publicity");
    }

    [Fact]
    public async Task Admin_SetsSupervisionPhoneAndMailbox_InTheChannelsTab()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("admin");
        await page.GotoAsync("/admin");
        await page.WaitForInteractiveAsync();

        await page.GetByRole(AriaRole.Tab, new() { Name = "发布渠道" }).ClickAsync();
        // The demo values again, so that the other journeys of this app see what they expect.
        await page.GetByLabel("监督电话").FillAsync("0954-7012345");
        await page.GetByLabel("监督邮箱").FillAsync("xhxzwgk@163.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();

        await Assertions.Expect(page.GetByText("已保存。")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("落款单位")).ToHaveValueAsync("硝河乡人民政府");
        await page.ScreenshotAsync("channels-7-admin-settings");
    }

    [Fact]
    public async Task Anyone_OpensTheScreen_SeesAPublishedNoticeWithoutSigningIn()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/public/screen");
        await page.WaitForInteractiveAsync();

        await Assertions.Expect(page.GetByTestId("screen-item")).ToBeVisibleAsync();
        (await page.GetByTestId("screen-item").InnerTextAsync()).ShouldNotContain("草稿");
        page.Url.ShouldNotContain("/login");
        await page.ScreenshotAsync("channels-5-screen");
    }

    private async Task<(int Id, string IssuedOn)> NoticeAsync(string title)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<XiheDbContext>>().CreateDbContextAsync();
        var notice = await db.Notices.Where(n => n.Title == title).Select(n => new { n.Id, n.PublishedAtUtc }).SingleAsync();
        return (notice.Id, ChinaTime.ChineseDate(ChinaTime.DateOf(notice.PublishedAtUtc!.Value)));
    }

    private static string PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        // Words joined without spaces: PdfPig splits CJK runs into words, the sheet's sentences have none.
        return string.Concat(document.GetPage(1).GetWords().Select(w => w.Text));
    }
}
