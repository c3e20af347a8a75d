using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using XiheWorkflow.Core.Data;

namespace XiheWorkflow.EndToEnd.Tests.Dashboard;

[Collection(AppCollection.Name)]
public class DashboardJourneyTests(AppFixture app)
{
    private const string ApprovedDemoNotice = "关于进一步规范村级事务管理的意见（政策解读）";

    [Fact]
    public async Task Head_WatchesOfficerPublish_NumberChangesLiveThenListAndExportsMatch()
    {
        var head = await app.NewPageAsync();
        await head.SignInAsync("head");
        await head.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "统计看板" }).ClickAsync();
        await Assertions.Expect(head.GetByRole(AriaRole.Heading, new() { Name = "统计看板" })).ToBeVisibleAsync();
        await head.WaitForInteractiveAsync();
        var published = head.Locator("a[data-metric='published']");
        await Assertions.Expect(published).ToBeVisibleAsync();
        var before = int.Parse((await published.TextContentAsync())!.Trim());
        await head.ScreenshotAsync("dashboard-1-head");

        int id;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<XiheDbContext>>().CreateDbContextAsync())
        {
            id = await db.Notices.Where(n => n.Title == ApprovedDemoNotice).Select(n => n.Id).SingleAsync();
        }
        var officer = await app.NewPageAsync();
        await officer.SignInAsync("officer");
        await officer.GotoAsync($"/notices/{id}");
        await officer.WaitForInteractiveAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "发布", Exact = true }).ClickAsync();
        await Assertions.Expect(officer.Locator("[data-state='Published']").First).ToBeVisibleAsync();

        // No reload: the open dashboard hears the change and re-queries.
        await Assertions.Expect(published).ToHaveTextAsync((before + 1).ToString(), new() { Timeout = 10000 });
        await head.ScreenshotAsync("dashboard-2-after-publish");

        await published.ClickAsync();
        await head.WaitForURLAsync(url => url.Contains("/dashboard/list") && url.Contains("metric=published"));
        await Assertions.Expect(head.GetByRole(AriaRole.Heading, new() { Name = "发布" })).ToBeVisibleAsync();
        await Assertions.Expect(head.GetByTestId("row-count")).ToHaveTextAsync($"共 {before + 1} 条");
        await Assertions.Expect(head.GetByRole(AriaRole.Link, new() { Name = ApprovedDemoNotice })).ToBeVisibleAsync();
        await head.ScreenshotAsync("dashboard-3-list");

        var xlsx = await head.RunAndWaitForDownloadAsync(() => head.GetByRole(AriaRole.Link, new() { Name = "导出 Excel" }).ClickAsync());
        xlsx.SuggestedFilename.ShouldEndWith(".xlsx");
        var path = Path.Combine(AppFixture.ScreenshotDirectory, "dashboard-published.xlsx");
        await xlsx.SaveAsAsync(path);
        var bytes = await File.ReadAllBytesAsync(path);
        bytes[..2].ShouldBe("PK"u8.ToArray());

        var csv = await head.RunAndWaitForDownloadAsync(() => head.GetByRole(AriaRole.Link, new() { Name = "导出 CSV" }).ClickAsync());
        var csvPath = Path.Combine(AppFixture.ScreenshotDirectory, "dashboard-published.csv");
        await csv.SaveAsAsync(csvPath);
        var lines = (await File.ReadAllTextAsync(csvPath)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(before + 2);
        lines.ShouldContain(l => l.Contains(ApprovedDemoNotice));
    }
}
