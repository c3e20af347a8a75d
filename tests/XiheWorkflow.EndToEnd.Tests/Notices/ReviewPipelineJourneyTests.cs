using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace XiheWorkflow.EndToEnd.Tests.Notices;

[Collection(AppCollection.Name)]
public class ReviewPipelineJourneyTests(AppFixture app)
{
    private static async Task<string> DraftAndSubmitAsync(IPage page, string title)
    {
        await page.GotoAsync("/notices/new");
        await page.WaitForInteractiveAsync();
        await page.GetByLabel("标题").FillAsync(title);
        await page.GetByLabel("类别").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "新闻动态", Exact = true }).ClickAsync();
        await page.GetByLabel("法律政策依据").FillAsync("《中华人民共和国政府信息公开条例》第二十条");
        var body = page.GetByRole(AriaRole.Textbox, new() { Name = "正文" });
        await body.ClickAsync();
        await body.PressSequentiallyAsync("11月20日，硝河乡召开政务公开工作推进会。");
        await page.ScreenshotAsync("pipeline-1-draft-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/notices/\d+$"));
        await Assertions.Expect(page.GetByTestId("current-stage")).ToContainTextAsync("分管领导");
        return page.Url;
    }

    [Fact]
    public async Task StaffSubmits_LeaderAndOfficerApprove_OfficerPublishes_TimelineShowsEveryStep()
    {
        var staff = await app.NewPageAsync();
        await staff.SignInAsync("staff");
        var url = await DraftAndSubmitAsync(staff, "硝河乡召开政务公开工作推进会");

        var leader = await app.NewPageAsync();
        await leader.SignInAsync("leader");
        await leader.GotoAsync("/reviews");
        await leader.WaitForInteractiveAsync();
        await leader.ScreenshotAsync("pipeline-2a-review-queue");
        await leader.GetByRole(AriaRole.Link, new() { Name = "硝河乡召开政务公开工作推进会" }).ClickAsync();
        await leader.WaitForURLAsync(url);
        await leader.WaitForInteractiveAsync();
        await leader.GetByLabel("审核意见").FillAsync("内容属实，同意发布。");
        await leader.GetByRole(AriaRole.Button, new() { Name = "通过", Exact = true }).ClickAsync();
        await Assertions.Expect(leader.GetByTestId("current-stage")).ToContainTextAsync("政务公开负责人");

        var officer = await app.NewPageAsync();
        await officer.SignInAsync("officer");
        await officer.GotoAsync(url);
        await officer.WaitForInteractiveAsync();
        await officer.GetByLabel("审核意见").FillAsync("审核通过。");
        await officer.GetByRole(AriaRole.Button, new() { Name = "通过", Exact = true }).ClickAsync();
        await Assertions.Expect(officer.Locator("[data-state='Approved']")).ToBeVisibleAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "发布", Exact = true }).ClickAsync();
        await Assertions.Expect(officer.Locator("[data-state='Published']").First).ToBeVisibleAsync();

        var timeline = officer.Locator("table.xihe-timeline, .xihe-timeline table").First;
        await Assertions.Expect(timeline.Locator("tbody tr")).ToHaveCountAsync(4);
        await Assertions.Expect(timeline).ToContainTextAsync("内容属实，同意发布。");
        await Assertions.Expect(timeline).ToContainTextAsync("王建国");
        await Assertions.Expect(timeline).ToContainTextAsync("马晓梅");
        await Assertions.Expect(officer.GetByText(new Regex(@"640422037/\d{4}-\d{5}"))).ToBeVisibleAsync();
        await officer.ScreenshotAsync("pipeline-2-published-detail");
    }

    [Fact]
    public async Task LeaderReturnsWithReason_StaffSeesTheReasonInMyWork()
    {
        var staff = await app.NewPageAsync();
        await staff.SignInAsync("staff");
        var url = await DraftAndSubmitAsync(staff, "关于冬季安全生产检查的通知");

        var leader = await app.NewPageAsync();
        await leader.SignInAsync("leader");
        await leader.GotoAsync(url);
        await leader.WaitForInteractiveAsync();
        await leader.GetByRole(AriaRole.Button, new() { Name = "退回修改" }).ClickAsync();
        await Assertions.Expect(leader.GetByRole(AriaRole.Alert)).ToContainTextAsync("请填写审核意见");
        await leader.GetByLabel("审核意见").FillAsync("请补充检查时间和责任人。");
        await leader.GetByRole(AriaRole.Button, new() { Name = "退回修改" }).ClickAsync();
        await Assertions.Expect(leader.Locator("[data-state='Returned']").First).ToBeVisibleAsync();

        await staff.GotoAsync("/");
        await staff.WaitForInteractiveAsync();
        await Assertions.Expect(staff.GetByText("退回修改（1）")).ToBeVisibleAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Link, new() { Name = "关于冬季安全生产检查的通知" })).ToBeVisibleAsync();
        await Assertions.Expect(staff.GetByText("请补充检查时间和责任人。")).ToBeVisibleAsync();
        await staff.ScreenshotAsync("pipeline-3-my-work-returned");

        // The author revises and resubmits; 修订记录 shows what changed between v1 and v2.
        await staff.GetByRole(AriaRole.Link, new() { Name = "关于冬季安全生产检查的通知" }).ClickAsync();
        await staff.WaitForURLAsync(url);
        await staff.WaitForInteractiveAsync();
        await staff.GetByRole(AriaRole.Link, new() { Name = "修改" }).ClickAsync();
        await staff.WaitForURLAsync(url + "/edit");
        await staff.WaitForInteractiveAsync();
        var body = staff.GetByRole(AriaRole.Textbox, new() { Name = "正文" });
        await body.ClickAsync();
        await body.PressAsync("End");
        await body.PressSequentiallyAsync("检查时间：12月1日至5日，责任人：安全办。");
        await staff.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
        await staff.WaitForURLAsync(url);
        await staff.GetByRole(AriaRole.Link, new() { Name = "修订记录 / 对比" }).ClickAsync();
        await staff.WaitForInteractiveAsync();
        var bodyRow = staff.Locator("tr[data-field='Body']");
        await Assertions.Expect(bodyRow.Locator(".xihe-ins")).ToContainTextAsync("检查时间：12月1日至5日");
        await staff.ScreenshotAsync("pipeline-6-revisions-compare");
    }

    [Fact]
    public async Task SubmitWithoutLegalBasis_ShowsFieldErrorAndKeepsTypedText()
    {
        var staff = await app.NewPageAsync();
        await staff.SignInAsync("staff");
        await staff.GotoAsync("/notices/new");
        await staff.WaitForInteractiveAsync();
        await staff.GetByLabel("标题").FillAsync("缺少依据的公告");
        await staff.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
        await Assertions.Expect(staff.GetByText("请选择类别。")).ToBeVisibleAsync();
        await Assertions.Expect(staff.GetByText("请填写法律政策依据", new() { Exact = false }).First).ToBeVisibleAsync();
        await Assertions.Expect(staff.GetByLabel("标题")).ToHaveValueAsync("缺少依据的公告");
        await staff.ScreenshotAsync("pipeline-4-validation");

        await staff.Locator("#attachments").SetInputFilesAsync(new FilePayload
        {
            Name = "setup.exe", MimeType = "application/octet-stream", Buffer = [0x4d, 0x5a, 0x90, 0x00],
        });
        await Assertions.Expect(staff.GetByRole(AriaRole.Alert).Filter(new() { HasText = "不支持的附件类型" })).ToBeVisibleAsync();
        await Assertions.Expect(staff.GetByLabel("标题")).ToHaveValueAsync("缺少依据的公告");
    }
}
