using Microsoft.Playwright;

namespace XiheWorkflow.EndToEnd.Tests.Notices;

[Collection(AppCollection.Name)]
public class AgendaJourneyTests(AppFixture app)
{
    private const string DemoBudgetNotice = "硝河乡2024年部门预算公开说明";

    [Fact]
    public async Task LeadingGroup_RecordsOneMeetingsDecision_ItemLeavesTheAgendaAndShowsTheMinutes()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("group");
        await page.GotoAsync("/agenda");
        await page.WaitForInteractiveAsync();
        var row = page.Locator("tr", new() { HasText = DemoBudgetNotice });
        await Assertions.Expect(row).ToBeVisibleAsync();

        // Without the meeting fields the server refuses and says why.
        await row.Locator("input[type=checkbox]").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "集体研究通过" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("会议日期");

        await page.GetByLabel("会议日期").FillAsync("2024-05-09");
        await page.GetByLabel("会议日期").PressAsync("Enter");
        await page.GetByLabel("会议纪要编号").FillAsync("乡领导小组会议纪要〔2024〕5号");
        await page.ScreenshotAsync("pipeline-5-agenda");
        await page.GetByRole(AriaRole.Button, new() { Name = "集体研究通过" }).ClickAsync();
        await Assertions.Expect(row).ToHaveCountAsync(0);

        await page.GotoAsync("/reviews");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = DemoBudgetNotice })).ToHaveCountAsync(0);
    }
}
