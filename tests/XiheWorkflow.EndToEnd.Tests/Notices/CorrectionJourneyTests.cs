using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using XiheWorkflow.Core;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Core.Notices;
using XiheWorkflow.Domain.Notices;

namespace XiheWorkflow.EndToEnd.Tests.Notices;

[Collection(AppCollection.Name)]
public class CorrectionJourneyTests(AppFixture app)
{
    private const string Title = "2024年12月城乡低保对象公示";
    private const string Note = "第2户保障金额有误，由280元更正为350元";

    [Fact]
    public async Task AuthorDraftsACorrection_OfficerPublishesIt_ThePublicPageShows更正说明AndTheNewWindow()
    {
        var id = await PublishedPublicityAsync();

        var staff = await app.NewPageAsync();
        await staff.SignInAsync("staff2");
        await staff.GotoAsync($"/notices/{id}");
        await staff.WaitForInteractiveAsync();
        await staff.GetByRole(AriaRole.Link, new() { Name = "更正", Exact = true }).ClickAsync();
        await staff.WaitForURLAsync(new Regex($@"/notices/{id}/correct$"));
        await staff.WaitForInteractiveAsync();
        await staff.GetByLabel("更正说明").FillAsync(Note);
        await staff.GetByLabel("实质性更正（公示期内将重新公示）").CheckAsync();
        var body = staff.GetByRole(AriaRole.Textbox, new() { Name = "正文" });
        await body.ClickAsync();
        await staff.Keyboard.PressAsync("Control+End");
        await body.PressSequentiallyAsync("第2户保障金额为350元。");
        // Leave the editor as a person does before reaching for the button: its text goes to the server on blur.
        await staff.GetByLabel("文号").ClickAsync();
        await staff.ScreenshotAsync("correction-1-draft");
        await staff.ClickAndExpectUrlAsync(staff.GetByRole(AriaRole.Button, new() { Name = "提交审核" }), new Regex($@"/notices/{id}$"));
        await Assertions.Expect(staff.GetByTestId("corrections")).ToContainTextAsync("审核中");
        // Until the officer decides, the public still reads the published text.
        var before = await app.NewPageAsync();
        await before.GotoAsync($"/public/notices/{id}");
        await Assertions.Expect(before.Locator(".xihe-body")).Not.ToContainTextAsync("350元");

        var officer = await app.NewPageAsync();
        await officer.SignInAsync("officer");
        await officer.GotoAsync("/reviews");
        await officer.WaitForInteractiveAsync();
        var queue = officer.GetByTestId("correction-queue");
        await Assertions.Expect(queue).ToContainTextAsync(Note);
        await queue.GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        await officer.WaitForURLAsync(new Regex($@"/notices/{id}$"));
        await officer.WaitForInteractiveAsync();
        var panel = officer.GetByTestId("corrections");
        await Assertions.Expect(panel.Locator(".xihe-ins")).ToContainTextAsync("350元");
        await officer.ScreenshotAsync("correction-2-review");
        await panel.GetByRole(AriaRole.Button, new() { Name = "通过", Exact = true }).ClickAsync();
        await Assertions.Expect(panel).ToContainTextAsync("已发布（v2）");
        await Assertions.Expect(panel).ToContainTextAsync("（已重新公示）");

        var visitor = await app.NewPageAsync();
        await visitor.GotoAsync($"/public/notices/{id}");
        await Assertions.Expect(visitor.GetByTestId("public-corrections")).ToContainTextAsync(Note);
        await Assertions.Expect(visitor.GetByTestId("public-corrections")).ToContainTextAsync("重新公示");
        await Assertions.Expect(visitor.Locator(".xihe-body")).ToContainTextAsync("第2户保障金额为350元。");
        await visitor.ScreenshotAsync("correction-3-public");
    }

    /// <summary>A 低保 公示 by staff2, through review and published, made with the app's own use cases.</summary>
    private async Task<int> PublishedPublicityAsync()
    {
        using var scope = app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        await using var db = await sp.GetRequiredService<IDbContextFactory<XiheDbContext>>().CreateDbContextAsync();
        async Task<Actor> ActorAsync(string userName)
        {
            var account = Core.Admin.DemoAccounts.All.Single(a => a.UserName == userName);
            var user = await db.Users.SingleAsync(u => u.UserName == userName);
            return new Actor(user.Id, user.DisplayName, new HashSet<string> { account.Role }, user.OfficeId);
        }
        var staff = await ActorAsync("staff2");
        var draft = await sp.GetRequiredService<SaveNoticeDraft>().HandleAsync(new SaveNoticeDraft.Command
        {
            Title = Title,
            BodyHtml = "<p>经村民代表会议评议，拟将以下家庭纳入最低生活保障。</p>",
            CategoryId = await db.Categories.Where(c => c.Name == "低保公示").Select(c => c.Id).SingleAsync(),
            OfficeId = await db.Offices.Where(o => o.Name == "民生服务中心").Select(o => o.Id).SingleAsync(),
            LegalBasis = "《最低生活保障审核确认办法》第十九条",
        }, staff);
        var decide = sp.GetRequiredService<DecideNotice>();
        var v = await sp.GetRequiredService<SubmitNotice>().HandleAsync(new SubmitNotice.Command(draft.NoticeId, draft.Version), staff);
        v = await decide.HandleAsync(new DecideNotice.Command(draft.NoticeId, v, NoticeAction.Approve), await ActorAsync("leader"));
        v = await decide.HandleAsync(new DecideNotice.Command(draft.NoticeId, v, NoticeAction.Approve), await ActorAsync("officer"));
        await decide.HandleAsync(new DecideNotice.Command(draft.NoticeId, v, NoticeAction.Publish), await ActorAsync("officer"));
        return draft.NoticeId;
    }
}
