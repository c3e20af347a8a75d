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

    public static async Task<string> ScreenshotAsync(this IPage page, string name)
    {
        var path = Path.Combine(AppFixture.ScreenshotDirectory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }
}
