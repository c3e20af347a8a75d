using System.Text;
using Microsoft.Playwright;

namespace XiheWorkflow.EndToEnd.Tests.Requests;

[Collection(AppCollection.Name)]
public class ImportJourneyTests(AppFixture app)
{
    private static FilePayload Json(string name, string json) =>
        new() { Name = name, MimeType = "application/json", Buffer = Encoding.UTF8.GetBytes(json) };

    [Fact]
    public async Task Officer_UploadsABadThenAGoodLedger_SeesTheFieldNamedThenTheSummaryAndTheCase()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("officer");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "导入台账" }).ClickAsync();
        await page.WaitForInteractiveAsync();

        await page.GetByLabel("选择文件").SetInputFilesAsync(Json("bad.json",
            """{"appeals":[{"reference":"FY-E2E-02","kind":"Bogus","filedOn":"2024-05-01"}]}"""));
        await Assertions.Expect(page.GetByTestId("import-error")).ToContainTextAsync("kind");
        await Assertions.Expect(page.GetByTestId("import-error")).ToContainTextAsync("FY-E2E-02");
        await page.ScreenshotAsync("import-1-refused");

        await page.GetByLabel("选择文件").SetInputFilesAsync(Json("ledger.json",
            """{"appeals":[{"reference":"FY-E2E-01","kind":"Reconsideration","filedOn":"2024-05-01","result":"Upheld","closedOn":"2024-07-01"}]}"""));
        await Assertions.Expect(page.GetByTestId("import-summary")).ToContainTextAsync("复议诉讼 1 件");
        await page.ScreenshotAsync("import-2-done");

        await page.GotoAsync("/requests");
        await page.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "行政复议和诉讼" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("appeals-table")).ToContainTextAsync("FY-E2E-01");
        await page.ScreenshotAsync("requests-7-appeals");
    }
}
