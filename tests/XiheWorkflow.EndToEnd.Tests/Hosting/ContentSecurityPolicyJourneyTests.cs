using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace XiheWorkflow.EndToEnd.Tests.Hosting;

[Collection(AppCollection.Name)]
public class ContentSecurityPolicyJourneyTests(AppFixture app)
{
    [Fact]
    public async Task SignInAndWorkInteractively_UnderTheContentSecurityPolicy_BrowserReportsNoViolation()
    {
        var page = await app.NewPageAsync();
        var problems = new ConcurrentQueue<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" || message.Text.Contains("Content Security Policy")) problems.Enqueue(message.Text);
        };
        page.PageError += (_, error) => problems.Enqueue(error);

        var login = await page.GotoAsync("/login");
        (await login!.HeaderValueAsync("content-security-policy")).ShouldNotBeNull();
        await page.SignInAsync("admin");
        await page.GotoAsync("/admin");
        await page.WaitForInteractiveAsync();
        // Tabs, a select's popover and a date picker: MudBlazor's script and styles at work.
        await page.GetByRole(AriaRole.Tab, new() { Name = "审计日志" }).ClickAsync();
        await page.GetByLabel("操作", new() { Exact = true }).First.ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        await page.GetByRole(AriaRole.Button, new() { Name = "验证哈希链" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("audit-verify-result")).ToBeVisibleAsync();

        problems.ShouldBeEmpty();
    }
}
