using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using UglyToad.PdfPig;
using XiheWorkflow.Core.Data;
using System.Text;
using XiheWorkflow.Core;
using XiheWorkflow.Core.Notices;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;

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
    public async Task PrintView_OfAPublishedPublicity_HasTitlePublicitySignatureAndMaskedRosterOnPageOne()
    {
        const string title = "硝河村2024年第四季度低保拟保对象公示";
        var (id, _) = await PublishedPublicityWithRosterAndPhotoAsync(title);
        var (_, issuedOn) = await NoticeAsync(title);
        var publicity = await PublicityLineAsync(id);
        var page = await app.NewPageAsync();

        await page.GotoAsync($"/public/notices/{id}/print");
        await Assertions.Expect(page.GetByTestId("roster")).ToContainTextAsync("名单（共6人）");
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4" });

        var firstPage = PdfText(pdf);
        firstPage.ShouldContain(title);
        firstPage.ShouldContain(publicity.Replace(" ", ""));
        firstPage.ShouldContain("硝河乡人民政府" + issuedOn);
        firstPage.ShouldContain("马晓丽");
        firstPage.ShouldContain(MaskedId);
        firstPage.ShouldNotContain(UnmaskedId);
        await File.WriteAllBytesAsync(Path.Combine(AppFixture.ScreenshotDirectory, "channels-6-print-publicity.pdf"), pdf);
        await page.SetViewportSizeAsync(794, 1123);
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await page.ScreenshotAsync("channels-6-print-publicity-media");
    }

    [Fact]
    public async Task WeChatArticle_OfAPublicityWithRosterAndPhoto_ShowsTheTableAndTheImageFromThePublicRoute()
    {
        const string title = "新庄村2024年第四季度低保拟保对象公示";
        var (id, photo) = await PublishedPublicityWithRosterAndPhotoAsync(title);
        var page = await app.NewPageAsync();
        await page.SignInAsync("officer");

        await page.GotoAsync($"/notices/{id}/channels");
        await page.WaitForInteractiveAsync();

        var preview = page.GetByTestId("wechat-preview");
        await Assertions.Expect(preview.Locator("table")).ToContainTextAsync("马晓丽");
        await Assertions.Expect(preview.Locator("table")).ToContainTextAsync(MaskedId);
        var image = preview.Locator("img");
        (await image.GetAttributeAsync("src")).ShouldBe($"{app.BaseUrl}/public/notices/{id}/attachments/{photo}");
        // Loaded for real: the browser got the picture, not a sign-in page.
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('[data-testid=wechat-preview] img'); return i && i.complete && i.naturalWidth === 320; }");
        (await page.GetByLabel("微信公众号文章 HTML").InputValueAsync()).ShouldNotContain(UnmaskedId);
        await page.ScreenshotAsync("channels-8-wechat-roster-photo");
        // The whole article as the editor will show it (the page's preview box scrolls).
        await preview.EvaluateAsync("e => e.style.maxHeight = 'none'");
        await preview.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ScreenshotDirectory, "channels-8b-wechat-article.png") });
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
    public async Task Anyone_OpensTheScreen_SeesANoticeInPublicityWithoutSigningIn()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/public/screen");
        await page.WaitForInteractiveAsync();

        await Assertions.Expect(page.GetByTestId("screen-item")).ToBeVisibleAsync();
        (await page.GetByTestId("screen-item").InnerTextAsync()).ShouldContain("公示期：");
        page.Url.ShouldNotContain("/login");
        await page.ScreenshotAsync("channels-5-screen");
    }

    private async Task<(int Id, string IssuedOn)> NoticeAsync(string title)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<XiheDbContext>>().CreateDbContextAsync();
        var notice = await db.Notices.Where(n => n.Title == title).Select(n => new { n.Id, n.PublishedAtUtc }).SingleAsync();
        return (notice.Id, ChinaTime.ChineseDate(ChinaTime.DateOf(notice.PublishedAtUtc!.Value)));
    }

    private const string UnmaskedId = "440524188001010014";
    private const string MaskedId = "440524********0014";

    /// <summary>A 320×120 PNG: the photo of the village meeting.</summary>
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAUAAAAB4CAIAAAAMrLyJAAACNElEQVR42u3UwQnAIBAFUTuxEWtIPRZhTbZmwAI87SLIGzwHhr+T0vq88uo3rjy+fF/yLQbmy1fABubLV8AG5stXwAbmK2AD8+UrYAPz5StgA/PlK2AHzVfABubLV8AG5stXwAbmK2AD8+UrYAPz5StgA/PlK2AD8xWwgfnyFbCB+fIVsIH58hUwX74CNjBfvgI2MF++AjYwXwEbmC9fARuYL18BG5gvXwE7aL4CNjBfvgI2MF++AjYwX74C5stXwAbmy1fABubLV8AG5itgA/PlK2AD8+UrYAPz5StgB81XwAbmy1fABubLNyTgvE8vAJu8H4eAAQELGBAwIGABAwIWMCBgAAIGBCxgQMACBgQMCFjAgIAFDAhYwICAAQELGBCwgAEBAwIWMCBgAQMCFjAgYEDAAgYELGBAwAIGBAwIWMCAgAUMCBgQsIABAQsYELCAAQEDAhYwIGABAwIGIGBAwAIGBCxgQMCAgGMCzvv0+eX9OM6PL9+XfAXMl6+ADcyXr4ANzJevgA3MV8AG5stXwAbmy1fABubLV8AOmq+ADcyXr4ANzJevgA3MV8AG5stXwAbmy1fABubLV8AG5itgA/PlK2AD8+UrYAPz5StgvnwFbGC+fAVsYL58BWxgvgI2MF++AjYwX74CNjBfvgJ20HwFbGC+fAVsYL58BWxgvnwFzJevgA3Ml6+ADcyXr4ANzFfABubLV8AG5stXwAbmy1fADpqvgA3Ml6+ADcyXb8j7AZkCsIRSAR5wAAAAAElFTkSuQmCC");

    /// <summary>
    /// A 低保 公示 by staff2 with a six-line roster (an ID number in it masked by 一键遮盖) and a photo,
    /// through review and published with the app's own use cases, so that it has a window.
    /// </summary>
    private async Task<(int Id, string PhotoSha)> PublishedPublicityWithRosterAndPhotoAsync(string title)
    {
        using var scope = app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        await using var db = await sp.GetRequiredService<IDbContextFactory<XiheDbContext>>().CreateDbContextAsync();
        async Task<Actor> ActorAsync(string userName)
        {
            var account = Core.Admin.DemoAccounts.All.Single(a => a.UserName == userName);
            var user = await db.Users.SingleAsync(u => u.UserName == userName);
            return new Actor(user.Id, user.DisplayName, new HashSet<string> { account.Role }, user.OfficeId);
        }
        var staff = await ActorAsync("staff2");
        var photo = await sp.GetRequiredService<AttachmentStore>().SaveAsync(new MemoryStream(Png), "评议会现场.png", Png.Length);
        var draft = await sp.GetRequiredService<SaveNoticeDraft>().HandleAsync(new SaveNoticeDraft.Command
        {
            Title = title,
            BodyHtml = "<p>经入户调查、村民代表会议评议，拟将以下家庭纳入城乡最低生活保障，现予公示。</p>",
            CategoryId = await db.Categories.Where(c => c.Name == "低保公示").Select(c => c.Id).SingleAsync(),
            OfficeId = await db.Offices.Where(o => o.Name == "民生服务中心").Select(o => o.Id).SingleAsync(),
            LegalBasis = "《最低生活保障审核确认办法》第十九条",
            Channels = [Channel.NoticeBoard, Channel.WeChat, Channel.Loudspeaker],
            Attachments = [photo],
        }, staff);
        var csv = Encoding.UTF8.GetBytes($"户主姓名,家庭人口,月保障金额（元）,备注\n马晓丽,3,1260,身份证{UnmaskedId}\n曹福,2,840,\n杨秀英,1,420,\n马志明,4,1680,\n李桂兰,2,840,\n周建国,3,1260,\n");
        var rosters = sp.GetRequiredService<EditRoster>();
        await rosters.AttachAsync(draft.NoticeId, new MemoryStream(csv), "名单.csv", csv.Length, staff);
        await rosters.MaskAsync(draft.NoticeId, staff);
        var decide = sp.GetRequiredService<DecideNotice>();
        // The photo cannot be read for numbers: acknowledged at submit, and the officer says why it may go out.
        var v = await sp.GetRequiredService<SubmitNotice>().HandleAsync(new SubmitNotice.Command(draft.NoticeId, null, AcknowledgePrivacyFindings: true), staff);
        v = await decide.HandleAsync(new DecideNotice.Command(draft.NoticeId, v, NoticeAction.Approve), await ActorAsync("leader"));
        v = await decide.HandleAsync(new DecideNotice.Command(draft.NoticeId, v, NoticeAction.Approve), await ActorAsync("officer"));
        await decide.HandleAsync(new DecideNotice.Command(draft.NoticeId, v, NoticeAction.Publish, "照片已人工核对，无个人信息"), await ActorAsync("officer"));
        return (draft.NoticeId, photo.Sha256);
    }

    private async Task<string> PublicityLineAsync(int id)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<XiheDbContext>>().CreateDbContextAsync();
        var n = await db.Notices.Where(x => x.Id == id).Select(x => new { x.PublicityFrom, x.PublicityTo }).SingleAsync();
        return XiheWorkflow.Domain.Publicity.PublicityWindow.Format(n.PublicityFrom!.Value, n.PublicityTo!.Value);
    }

    private static string PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        // Words joined without spaces: PdfPig splits CJK runs into words, the sheet's sentences have none.
        return string.Concat(document.GetPage(1).GetWords().Select(w => w.Text));
    }
}
