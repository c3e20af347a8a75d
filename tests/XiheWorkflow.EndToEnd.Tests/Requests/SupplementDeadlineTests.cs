using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using XiheWorkflow.Core;
using XiheWorkflow.Core.Requests;
using XiheWorkflow.Domain.Common;

namespace XiheWorkflow.EndToEnd.Tests.Requests;

[Collection(AppCollection.Name)]
public class SupplementDeadlineTests(AppFixture app)
{
    /// <summary>An application whose 补正期限 passed without the supplement stands out under 已逾期 and says what to do.</summary>
    [Fact]
    public async Task Officer_SeesMissedSupplementDeadline_UnderOverdue_AndOnTheApplication()
    {
        // Two years back: carried over, never 本年新收, so the other journeys' table B figures stay theirs.
        var received = new DateOnly(ChinaTime.DateOf(DateTime.UtcNow).Year - 2, 6, 1);
        var due = received.AddDays(10);
        string reference;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var registered = await scope.ServiceProvider.GetRequiredService<RegisterApplication>().HandleAsync(new RegisterApplication.Command
            {
                ReceivedOn = received, ApplicantName = "李某", Request = "申请公开村里那个项目的全部材料",
            }, Actor.CommandLine);
            await scope.ServiceProvider.GetRequiredService<RecordApplicationStep>().HandleAsync(new RecordApplicationStep.Command
            {
                ApplicationId = registered.Id, Version = registered.Version, Step = ApplicationStep.RequestSupplement,
                On = received, SupplementDueOn = due,
            }, Actor.CommandLine);
            reference = registered.Reference;
        }

        var page = await app.NewPageAsync();
        await page.SignInAsync("officer");
        await page.GotoAsync("/requests");
        await page.WaitForInteractiveAsync();
        await page.GetByLabel("范围").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "已逾期", Exact = true }).ClickAsync();
        var row = page.GetByTestId("applications-table").Locator("tr", new() { HasText = reference });
        await Assertions.Expect(row.Locator("[data-state=supplement-missed]")).ToHaveTextAsync("补正期限已过，可按逾期不补正办结");
        await page.ScreenshotAsync("requests-7-supplement-missed-register");

        await row.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await Assertions.Expect(page.GetByText($"补正期限{ChinaTime.ChineseDate(due)}已过，申请人未补正，可按逾期不补正办结。")).ToBeVisibleAsync();
        await page.ScreenshotAsync("requests-8-supplement-missed-detail");
    }
}
