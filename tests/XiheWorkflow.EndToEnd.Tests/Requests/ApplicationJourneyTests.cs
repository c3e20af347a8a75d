using DocumentFormat.OpenXml.Packaging;
using Microsoft.Playwright;
using XiheWorkflow.Domain.Common;

namespace XiheWorkflow.EndToEnd.Tests.Requests;

[Collection(AppCollection.Name)]
public class ApplicationJourneyTests(AppFixture app)
{
    [Fact]
    public async Task Officer_RegistersExtendsAndReplies_ReportShowsItInTableBAndExportsWord()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("officer");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "依申请公开" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "依申请公开" })).ToBeVisibleAsync();
        await page.WaitForInteractiveAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "登记申请" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("申请人", new() { Exact = true }).FillAsync("马海军");
        await dialog.GetByLabel("联系方式").FillAsync("13895412345");
        await dialog.GetByLabel("申请内容").FillAsync("2024年度硝河村低保资金发放情况");
        await Assertions.Expect(dialog.GetByTestId("receipt-rule")).ToContainTextAsync("当面提交的，以提交之日为收到申请之日");
        await page.ScreenshotAsync("requests-1-register-dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "登记申请" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "依申请公开 XH-" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("还剩 20 个工作日")).ToBeVisibleAsync();
        await page.ScreenshotAsync("requests-2-registered");

        await page.GetByRole(AriaRole.Button, new() { Name = "延期答复" }).ClickAsync();
        await dialog.GetByLabel("批准人").FillAsync("王建国");
        await page.ScreenshotAsync("requests-3-extend-dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "延期答复" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("events")).ToContainTextAsync("批准人：王建国");
        await Assertions.Expect(page.GetByText("还剩 40 个工作日")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "生成延期答复告知书" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "延期答复告知书.docx" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "答复", Exact = true }).ClickAsync();
        await dialog.GetByLabel("办理结果").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "予以公开", Exact = true }).ClickAsync();
        await page.ScreenshotAsync("requests-4-reply-dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "答复", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("outcome")).ToHaveTextAsync("予以公开");
        await page.GetByRole(AriaRole.Button, new() { Name = "生成答复书" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "答复书.docx" })).ToBeVisibleAsync();
        await page.ScreenshotAsync("requests-5-replied");

        var year = ChinaTime.DateOf(DateTime.UtcNow).Year;
        await page.GotoAsync($"/report?year={year}");
        await page.WaitForInteractiveAsync();
        var disclosed = page.GetByTestId("table-b").Locator("tr[data-row='Disclosed'] td");
        await Assertions.Expect(disclosed.First).ToHaveTextAsync("1");
        await Assertions.Expect(disclosed.Last).ToHaveTextAsync("1");
        await Assertions.Expect(page.GetByTestId("table-b").Locator("tr[data-row='Received'] td").Last).ToHaveTextAsync("1");
        await Assertions.Expect(page.GetByTestId("checks-summary")).ToContainTextAsync("全部通过");
        await page.ScreenshotAsync("requests-6-annual-report");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "导出 Word" }).ClickAsync());
        download.SuggestedFilename.ShouldEndWith(".docx");
        var path = Path.Combine(AppFixture.ScreenshotDirectory, "requests-annual-report.docx");
        await download.SaveAsAsync(path);
        using var document = WordprocessingDocument.Open(path, false);
        var text = document.MainDocumentPart!.Document!.Body!.InnerText;
        text.ShouldContain($"{year}年政府信息公开工作年度报告");
        text.ShouldContain("三、收到和处理政府信息公开申请情况");
    }
}
