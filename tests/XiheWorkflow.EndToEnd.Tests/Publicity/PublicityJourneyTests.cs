using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace XiheWorkflow.EndToEnd.Tests.Publicity;

[Collection(AppCollection.Name)]
public class PublicityJourneyTests(AppFixture app)
{
    private const string Title = "2024年12月城乡低保拟保对象公示";

    [Fact]
    public async Task OfficerPublishesAPublicity_TrackerCountsDown_PublicPageShowsTheWindow()
    {
        var staff = await app.NewPageAsync();
        await staff.SignInAsync("staff2");
        await staff.GotoAsync("/notices/new");
        await staff.WaitForInteractiveAsync();
        await staff.GetByLabel("标题").FillAsync(Title);
        await staff.GetByLabel("类别").ClickAsync();
        await staff.GetByRole(AriaRole.Option, new() { Name = "低保公示", Exact = true }).ClickAsync();
        await Assertions.Expect(staff.GetByLabel("公示期（天数）")).ToBeVisibleAsync();
        await staff.GetByLabel("法律政策依据").FillAsync("《最低生活保障审核确认办法》第十九条");
        var body = staff.GetByRole(AriaRole.Textbox, new() { Name = "正文" });
        await body.ClickAsync();
        await body.PressSequentiallyAsync("经村民代表会议评议，拟将以下家庭纳入最低生活保障，现予公示。");
        await staff.ScreenshotAsync("publicity-1-draft");
        await staff.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
        // Blazor navigates inside the page: wait for the address, not for a load event.
        await Assertions.Expect(staff).ToHaveURLAsync(new Regex(@"/notices/\d+$"), new() { Timeout = 30000 });
        var url = staff.Url;

        foreach (var reviewer in new[] { "leader", "officer" })
        {
            var page = await app.NewPageAsync();
            await page.SignInAsync(reviewer);
            await page.GotoAsync(url);
            await page.WaitForInteractiveAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "通过", Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator(reviewer == "leader" ? "[data-testid='current-stage']" : "[data-state='Approved']").First).ToBeVisibleAsync();
            if (reviewer == "leader") continue;

            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "定时发布" })).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "发布", Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator("[data-state='InPublicity']").First).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("publicity-window")).ToContainTextAsync(new Regex(@"公示期：\d{4}年\d{1,2}月\d{1,2}日至\d{4}年\d{1,2}月\d{1,2}日"));
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "延长公示" })).ToBeVisibleAsync();
            await page.ScreenshotAsync("publicity-2-published-detail");

            await page.GotoAsync("/publicity");
            await page.WaitForInteractiveAsync();
            var row = page.Locator("tr", new() { Has = page.GetByRole(AriaRole.Link, new() { Name = Title }) });
            await Assertions.Expect(row.GetByTestId("countdown")).ToContainTextAsync(new Regex(@"\d+天\d+小时"));
            // The demo window closing today stands out.
            await Assertions.Expect(page.Locator("tr.xihe-closing-today")).ToHaveCountAsync(1);
            await page.ScreenshotAsync("publicity-3-tracker");
            await page.GetByRole(AriaRole.Tab, new() { Name = "时间轴" }).ClickAsync();
            await Assertions.Expect(page.Locator("table.xihe-gantt")).ToBeVisibleAsync();
            await page.ScreenshotAsync("publicity-4-timeline");
        }

        var citizen = await app.NewPageAsync();
        await citizen.GotoAsync("/public");
        await Assertions.Expect(citizen.GetByRole(AriaRole.Link, new() { Name = Title })).ToBeVisibleAsync();
        await citizen.ScreenshotAsync("publicity-5-public-list");
        await citizen.GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        await Assertions.Expect(citizen.GetByTestId("public-window")).ToContainTextAsync("公示期：");
        await Assertions.Expect(citizen.Locator("body")).Not.ToContainTextAsync("李芳");
        await citizen.SetViewportSizeAsync(390, 844);
        await citizen.ScreenshotAsync("publicity-6-public-notice-phone");
    }

    [Fact]
    public async Task Officer_SeesRemindersInTheBell()
    {
        var officer = await app.NewPageAsync();
        await officer.SignInAsync("officer");
        // The sweeper ran at start: the demo window closing today is a reminder for the officer.
        var bell = officer.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("提醒") }).First;
        await Assertions.Expect(bell).ToHaveAccessibleNameAsync(new Regex(@"提醒（\d+ 条未读）"));
        await bell.ClickAsync();
        await Assertions.Expect(officer.GetByText(new Regex("公示期将于.*24时期满")).First).ToBeVisibleAsync();
        await officer.WaitForTimeoutAsync(500); // the menu fades in
        await officer.ScreenshotAsync("publicity-7-bell");
    }

    [Fact]
    public async Task Admin_OpensTheWorkingCalendarFromTheNavigation()
    {
        var admin = await app.NewPageAsync();
        await admin.SignInAsync("admin");
        await admin.GetByRole(AriaRole.Link, new() { Name = "工作日历" }).ClickAsync();
        await admin.WaitForURLAsync(new Regex("/admin/calendar$"));
        await admin.WaitForInteractiveAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Cell, new() { Name = "2026", Exact = true })).ToBeVisibleAsync();
        await admin.GetByLabel("文件来源").FillAsync("国办发明电〔2026〕测试号");
        await admin.GetByLabel("放假日期").FillAsync("2027-01-01\n2027-02-06~2027-02-12");
        await admin.GetByLabel("调休上班日期").FillAsync("2027-02-06");
        await admin.GetByRole(AriaRole.Button, new() { Name = "保存放假安排" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Alert)).ToContainTextAsync("2027-02-06");
        await admin.ScreenshotAsync("publicity-8-calendar-refused");
    }
}
