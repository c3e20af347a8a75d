using Microsoft.Playwright;

namespace XiheWorkflow.EndToEnd.Tests.Comments;

[Collection(AppCollection.Name)]
public class PublicFeedbackJourneyTests(AppFixture app)
{
    // A demo 公示 whose window is open (民生服务中心).
    private const string OpenWindow = "第四季度城乡低保拟保对象公示";

    [Fact]
    public async Task Public_LeavesFeedbackWithoutSignIn_StaffSeesItEscapedAndAnswersIt()
    {
        var visitor = await app.NewPageAsync();
        await visitor.GotoAsync("/public");
        await visitor.GetByRole(AriaRole.Link, new() { Name = OpenWindow }).ClickAsync();
        await Assertions.Expect(visitor.GetByTestId("public-window")).ToContainTextAsync("公示期：");

        // Empty content: a message in Chinese, nothing lost of what was typed.
        await visitor.GetByLabel("姓名").FillAsync("马某");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "提交意见" }).ClickAsync();
        await Assertions.Expect(visitor.GetByRole(AriaRole.Alert)).ToContainTextAsync("请填写意见内容");
        await Assertions.Expect(visitor.GetByLabel("姓名")).ToHaveValueAsync("马某");

        await visitor.GetByLabel("意见内容").FillAsync("杨某某家有车辆<script>alert(1)</script>，不符合低保条件。");
        await visitor.GetByLabel("联系方式").FillAsync("13912345678");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "提交意见" }).ClickAsync();
        await Assertions.Expect(visitor.GetByRole(AriaRole.Status)).ToContainTextAsync("您的意见已收到");
        await visitor.ScreenshotAsync("comments-3-public-feedback");
        // The commenter's contact never appears on a public page.
        await visitor.ReloadAsync();
        (await visitor.ContentAsync()).ShouldNotContain("13912345678");

        var staff = await app.NewPageAsync();
        await staff.SignInAsync("staff2");
        await staff.GotoAsync("/publicity");
        await staff.WaitForInteractiveAsync();
        await staff.GetByRole(AriaRole.Link, new() { Name = OpenWindow }).First.ClickAsync();
        await staff.WaitForInteractiveAsync();
        var row = staff.Locator("tr[data-comment]", new() { HasText = "不符合低保条件" });
        await Assertions.Expect(row).ToContainTextAsync("网上");
        // Stored as plain text and shown as text: the script tag is visible, not run.
        await Assertions.Expect(row).ToContainTextAsync("<script>alert(1)</script>");
        await Assertions.Expect(row).ToContainTextAsync("13912345678");
        await row.GetByRole(AriaRole.Button, new() { Name = "答复" }).ClickAsync();
        await row.GetByLabel("答复内容 / 理由").FillAsync("经核实，该车辆为营运三轮车，不影响低保认定。");
        await row.GetByRole(AriaRole.Button, new() { Name = "保存答复" }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("已答复");
        await staff.ScreenshotAsync("comments-4-online-answered");
    }
}
