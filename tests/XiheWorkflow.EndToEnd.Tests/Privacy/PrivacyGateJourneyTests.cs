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
        await page.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/notices/\d+$"));
        await Assertions.Expect(page.Locator(".xihe-body")).ToContainTextAsync("440524********0014");
        await Assertions.Expect(page.Locator(".xihe-body")).Not.ToContainTextAsync("440524188001010014");
    }
}
