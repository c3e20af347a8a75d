using Microsoft.Playwright;

namespace XiheWorkflow.EndToEnd.Tests.Admin;

[Collection(AppCollection.Name)]
public class AdminJourneyTests(AppFixture app)
{
    [Fact]
    public async Task Admin_RenamesAnOfficeAndEditsACategorysPublicityPeriod_SeesBothInTheTables()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("admin");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "系统管理" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "系统管理" })).ToBeVisibleAsync();
        await page.WaitForInteractiveAsync();

        var offices = page.GetByRole(AriaRole.Table, new() { Name = "科室" });
        await Assertions.Expect(offices.GetByRole(AriaRole.Cell, new() { Name = "自然资源所", Exact = true })).ToBeVisibleAsync();
        await page.ScreenshotAsync("admin-offices");
        await page.GetByRole(AriaRole.Button, new() { Name = "重命名 自然资源所" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("科室名称").FillAsync("自然资源和规划所");
        await page.ScreenshotAsync("admin-office-dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(offices.GetByRole(AriaRole.Cell, new() { Name = "自然资源和规划所", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(offices.GetByRole(AriaRole.Cell, new() { Name = "自然资源所", Exact = true })).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Tab, new() { Name = "公开目录类别" }).ClickAsync();
        var categories = page.GetByRole(AriaRole.Table, new() { Name = "公开目录类别" });
        var row = categories.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = "招标采购", Exact = true }) });
        await Assertions.Expect(row).ToContainTextAsync("3 个自然日");
        await page.ScreenshotAsync("admin-categories");
        await page.GetByRole(AriaRole.Button, new() { Name = "修改 招标采购" }).ClickAsync();
        await dialog.GetByLabel("公示期天数").FillAsync("5");
        await page.ScreenshotAsync("admin-category-dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(row).ToContainTextAsync("5 个自然日");

        await page.GetByRole(AriaRole.Tab, new() { Name = "审核流程" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("workflow-copy-note")).ToContainTextAsync("只影响此后提交");
        await page.ScreenshotAsync("admin-workflows");
        await page.GetByRole(AriaRole.Button, new() { Name = "修改 默认审核流程" }).ClickAsync();
        await Assertions.Expect(dialog.GetByText("政务公开负责人").First).ToBeVisibleAsync();
        await page.ScreenshotAsync("admin-workflow-dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "取消" }).ClickAsync();

        await page.GetByRole(AriaRole.Tab, new() { Name = "用户" }).ClickAsync();
        var users = page.GetByRole(AriaRole.Table, new() { Name = "用户" });
        await Assertions.Expect(users.GetByRole(AriaRole.Cell, new() { Name = "王建国" })).ToBeVisibleAsync();
        await page.ScreenshotAsync("admin-users");
        await page.GetByRole(AriaRole.Button, new() { Name = "修改 leader" }).ClickAsync();
        await Assertions.Expect(dialog.GetByLabel("姓名")).ToHaveValueAsync("王建国");
        await page.ScreenshotAsync("admin-user-dialog");
    }
}
