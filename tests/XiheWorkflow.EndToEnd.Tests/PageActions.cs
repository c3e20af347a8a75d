using Microsoft.Playwright;

namespace XiheWorkflow.EndToEnd.Tests;

/// <summary>What a person does on every journey: sign in, wait until the page answers, take a picture.</summary>
public static class PageActions
{
    public const string DemoPassword = "Xihe#Demo2024";

    public static async Task SignInAsync(this IPage page, string userName)
    {
        await page.GotoAsync("/login");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/login"));
        await page.WaitForInteractiveAsync();
    }

    /// <summary>Pages are prerendered; clicks only work once the circuit is up.</summary>
    public static Task WaitForInteractiveAsync(this IPage page) =>
        page.Locator("[data-interactive='yes']").WaitForAsync();

    /// <summary>
    /// Clicks a button that should take the person to another page. Blazor navigates within the
    /// document, so only the URL's commit is awaited; when it does not come, the failure says what
    /// the page shows instead (an error message, the reconnect banner) and keeps a screenshot.
    /// </summary>
    public static async Task ClickAndExpectUrlAsync(this IPage page, ILocator button, System.Text.RegularExpressions.Regex url)
    {
        await button.ClickAsync();
        try
        {
            await page.WaitForURLAsync(url, new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        }
        catch (TimeoutException)
        {
            var shown = await page.Locator("[role=alert], .mud-snackbar, #blazor-error-ui, #components-reconnect-modal").AllInnerTextsAsync();
            var path = await page.ScreenshotAsync("failed-navigation-" + DateTime.UtcNow.Ticks);
            throw new TimeoutException($"No navigation to {url} from {page.Url}; the page shows: {string.Join(" | ", shown)}; screenshot {path}");
        }
    }

    public static async Task<string> ScreenshotAsync(this IPage page, string name)
    {
        var path = Path.Combine(AppFixture.ScreenshotDirectory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }
}
