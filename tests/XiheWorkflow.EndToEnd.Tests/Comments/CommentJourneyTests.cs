using Microsoft.Playwright;

namespace XiheWorkflow.EndToEnd.Tests.Comments;

[Collection(AppCollection.Name)]
public class CommentJourneyTests(AppFixture app)
{
    // A demo notice published by 民生服务中心.
    private const string DemoPublished = "硝河乡养老服务补贴申领指南";

    [Fact]
    public async Task Staff_RecordsAPhoneObjection_AndAnswersIt()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("staff2");
        await page.GotoAsync("/");
        await page.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = DemoPublished }).ClickAsync();
        await page.WaitForInteractiveAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "登记意见" }).ClickAsync();
        await page.GetByLabel("类型").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "异议", Exact = true }).ClickAsync();
        await page.GetByLabel("姓名").FillAsync("赵六");
        await page.GetByLabel("联系方式").FillAsync("13900001111");
        await page.GetByLabel("意见内容").FillAsync("申领条件中年龄写错了，应为80周岁。");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存意见" }).ClickAsync();

        var row = page.Locator("tr[data-comment]", new() { HasText = "应为80周岁" });
        await Assertions.Expect(row).ToContainTextAsync("待处理");
        await Assertions.Expect(row).ToContainTextAsync("电话");
        await Assertions.Expect(row).ToContainTextAsync("13900001111");
        await page.ScreenshotAsync("comments-1-recorded");

        await row.GetByRole(AriaRole.Button, new() { Name = "答复" }).ClickAsync();
        await row.GetByLabel("答复内容 / 理由").FillAsync("已核实，将在更正中修改为80周岁。");
        await row.GetByRole(AriaRole.Button, new() { Name = "保存答复" }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("已答复");
        await Assertions.Expect(row).ToContainTextAsync("已核实，将在更正中修改为80周岁。");
        await page.ScreenshotAsync("comments-2-answered");
    }
}
