using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace XiheWorkflow.EndToEnd.Tests.Privacy;

[Collection(AppCollection.Name)]
public class PrivacyGateJourneyTests(AppFixture app)
{
    [Fact]
    public async Task StaffSubmitsAnUnmaskedId_SeesTheFinding_MasksWithOneClick_AndSubmits()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("staff");
        await page.GotoAsync("/notices/new");
        await page.WaitForInteractiveAsync();
        await page.GetByLabel("标题").FillAsync("临时救助对象公示");
        await page.GetByLabel("类别").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "新闻动态", Exact = true }).ClickAsync();
        await page.GetByLabel("法律政策依据").FillAsync("《社会救助暂行办法》");
        var body = page.GetByRole(AriaRole.Textbox, new() { Name = "正文" });
        await body.ClickAsync();
        await body.PressSequentiallyAsync("救助对象：王五，身份证号440524188001010014，联系电话13812345678。");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();

        var findings = page.GetByTestId("privacy-findings");
        await Assertions.Expect(findings).ToContainTextAsync("440524********0014");
        await Assertions.Expect(findings).ToContainTextAsync("138****5678");
        await Assertions.Expect(findings).Not.ToContainTextAsync("440524188001010014");
        await page.ScreenshotAsync("privacy-1-findings-on-submit");

        await page.GetByRole(AriaRole.Button, new() { Name = "一键遮盖标题和正文" }).ClickAsync();
        await Assertions.Expect(body).ToContainTextAsync("440524********0014");
        await Assertions.Expect(body).ToContainTextAsync("138****5678");
        await page.ClickAndExpectUrlAsync(page.GetByRole(AriaRole.Button, new() { Name = "提交审核" }), new Regex(@"/notices/\d+$"));
        await Assertions.Expect(page.Locator(".xihe-body")).ToContainTextAsync("440524********0014");
        await Assertions.Expect(page.Locator(".xihe-body")).Not.ToContainTextAsync("440524188001010014");
    }

    [Fact]
    public async Task StaffBoldsPartOfAnId_OneClickMasksItInPlace_KeepsTheBold_AndSubmitsWithoutFindings()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("staff");
        await page.GotoAsync("/notices/new");
        await page.WaitForInteractiveAsync();
        await page.GetByLabel("标题").FillAsync("临时救助对象公示（加粗）");
        await page.GetByLabel("类别").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "新闻动态", Exact = true }).ClickAsync();
        await page.GetByLabel("法律政策依据").FillAsync("《社会救助暂行办法》");
        var body = page.GetByRole(AriaRole.Textbox, new() { Name = "正文" });
        await body.ClickAsync();
        await body.PressSequentiallyAsync("身份证号440524");
        await page.Keyboard.PressAsync("Control+b");
        await body.PressSequentiallyAsync("18800101");
        await page.Keyboard.PressAsync("Control+b");
        await body.PressSequentiallyAsync("0014。");
        await Assertions.Expect(body.Locator("b, strong")).ToHaveTextAsync("18800101");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("privacy-findings")).ToContainTextAsync("440524********0014");

        await page.GetByRole(AriaRole.Button, new() { Name = "一键遮盖标题和正文" }).ClickAsync();
        await Assertions.Expect(body).ToContainTextAsync("身份证号440524********0014。");
        await Assertions.Expect(body.Locator("b, strong")).ToHaveTextAsync("********");
        await page.ScreenshotAsync("privacy-split-by-bold-masked");
        await page.ClickAndExpectUrlAsync(page.GetByRole(AriaRole.Button, new() { Name = "提交审核" }), new Regex(@"/notices/\d+$"));
        await Assertions.Expect(page.Locator(".xihe-body")).ToContainTextAsync("440524********0014");
        await Assertions.Expect(page.Locator(".xihe-body b, .xihe-body strong")).ToHaveTextAsync("********");
    }

    [Fact]
    public async Task OfficeHead_SeesAndOpensTheReviewQueue()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("head");
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" });
        await page.ClickAndExpectUrlAsync(nav.GetByRole(AriaRole.Link, new() { Name = "待我审核" }), new Regex(@"/reviews$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "待我审核", Exact = true })).ToBeVisibleAsync();
        await page.ScreenshotAsync("review-queue-office-head");
    }

    [Fact]
    public async Task StaffImportsARosterWithIdColumns_MasksAndRemovesThem_BeforeSubmitting()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("staff");
        await page.GotoAsync("/notices/new");
        await page.WaitForInteractiveAsync();
        await page.GetByLabel("标题").FillAsync("2024年5月低保对象公示名单");
        await page.GetByLabel("类别").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "低保公示", Exact = true }).ClickAsync();
        await page.GetByLabel("法律政策依据").FillAsync("《最低生活保障审核确认办法》第十九条");
        var body = page.GetByRole(AriaRole.Textbox, new() { Name = "正文" });
        await body.ClickAsync();
        await body.PressSequentiallyAsync("现将2024年5月新增低保对象名单公示如下。");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();

        var csv = "户主姓名,家庭人口,保障金额（元/月）,身份证号,联系电话\n马晓丽,5,280,640422199710098285,15654235116\n曹福,4,350,640422********2812,151****0013\n";
        await page.Locator("#roster-file").SetInputFilesAsync(new FilePayload
        {
            Name = "低保名单.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv),
        });
        var roster = page.GetByRole(AriaRole.Table, new() { Name = "名单" });
        await Assertions.Expect(roster).ToContainTextAsync("640422199710098285");
        await Assertions.Expect(page.Locator("th.xihe-roster-flagged")).ToHaveCountAsync(2);
        await page.ScreenshotAsync("privacy-2-roster-imported");

        await page.GetByRole(AriaRole.Button, new() { Name = "一键遮盖名单中的号码" }).ClickAsync();
        await Assertions.Expect(roster).ToContainTextAsync("640422********8285");
        await Assertions.Expect(roster).Not.ToContainTextAsync("640422199710098285");
        await page.Locator("th.xihe-roster-flagged").First.GetByRole(AriaRole.Button, new() { Name = "删除此列" }).ClickAsync();
        await Assertions.Expect(page.Locator("th.xihe-roster-flagged")).ToHaveCountAsync(1);
        await page.Locator("th.xihe-roster-flagged").First.GetByRole(AriaRole.Button, new() { Name = "删除此列" }).ClickAsync();
        await Assertions.Expect(page.Locator("th.xihe-roster-flagged")).ToHaveCountAsync(0);

        await page.ClickAndExpectUrlAsync(page.GetByRole(AriaRole.Button, new() { Name = "提交审核" }), new Regex(@"/notices/\d+$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "名单" })).ToContainTextAsync("马晓丽");
        await page.ScreenshotAsync("privacy-3-roster-submitted");
    }
}
