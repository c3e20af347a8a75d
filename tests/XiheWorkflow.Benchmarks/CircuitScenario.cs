using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using XiheWorkflow.Core;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Core.Notices;

namespace XiheWorkflow.Benchmarks;

/// <summary>
/// circuit.kb: managed heap per open circuit of 待我审核. The app runs in benchmark mode (a
/// statistics endpoint that exists only then); the supervising leader has a 50-row queue; Chromium
/// opens the page once (the baseline, JIT and caches warm), then 50 more times at once; the heap
/// after a full collection, minus the baseline, divided by the 50 new circuits.
/// </summary>
public sealed class CircuitScenario : IScenario
{
    private const int Pages = 50;
    private const int QueueRows = 50;

    public string Name => "circuit";

    public async Task RunAsync(BenchmarkRun run, CancellationToken ct)
    {
        await using var app = await BenchmarkApp.StartAsync(new Dictionary<string, string?> { ["Xihe:BenchmarkMode"] = "true" }, ct);
        await FillQueueAsync(app, ct);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("XIHE_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl });
        var first = await context.NewPageAsync();
        await first.GotoAsync("/login");
        await first.GetByLabel("用户名").FillAsync("leader");
        await first.GetByLabel("密码").FillAsync("Xihe#Demo2024");
        await first.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await first.WaitForURLAsync(url => !url.Contains("/login"));
        await OpenQueueAsync(first);
        using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var baseline = await StatsAsync(client, expectedCircuits: 1, ct);
        await PauseAsync("baseline", ct);

        var pages = await Task.WhenAll(Enumerable.Range(0, Pages).Select(_ => context.NewPageAsync()));
        await Task.WhenAll(pages.Select(OpenQueueAsync));
        var loaded = await StatsAsync(client, expectedCircuits: 1 + Pages, ct);
        await PauseAsync("loaded", ct);

        run.Figure("circuit.kb", (loaded.HeapBytes - baseline.HeapBytes) / (double)Pages / 1024);
        run.Figure("circuit.queue_rows", await first.Locator("table tbody tr").CountAsync());
        await context.CloseAsync();
    }

    /// <summary>For heap snapshots by hand (dotnet-dump collect -p PID) at the two points measured.</summary>
    private static async Task PauseAsync(string point, CancellationToken ct)
    {
        if (Environment.GetEnvironmentVariable("XIHE_CIRCUIT_PAUSE_SECONDS") is not { } pause) return;
        Console.Error.WriteLine($"pid {Environment.ProcessId}: {point}, pausing {pause} s");
        await Task.Delay(TimeSpan.FromSeconds(int.Parse(pause)), ct);
    }

    private static async Task OpenQueueAsync(IPage page)
    {
        await page.GotoAsync(Environment.GetEnvironmentVariable("XIHE_CIRCUIT_PATH") ?? "/reviews");
        await page.Locator("[data-interactive='yes']").WaitForAsync(new() { Timeout = 120_000 });
    }

    private sealed record Stats(int Circuits, long HeapBytes);

    /// <summary>Waits until every page's circuit is open, then reads the heap after a full collection.</summary>
    private static async Task<Stats> StatsAsync(HttpClient client, int expectedCircuits, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var json = JsonDocument.Parse(await client.GetStringAsync("/_benchmark/stats", ct)).RootElement;
            var stats = new Stats(json.GetProperty("circuits").GetInt32(), json.GetProperty("heapBytes").GetInt64());
            if (stats.Circuits >= expectedCircuits || attempt > 100) return stats;
            await Task.Delay(200, ct);
        }
    }

    /// <summary>Fifty notices from 综合办公室 waiting at the supervising leader's stage.</summary>
    private static async Task FillQueueAsync(BenchmarkApp app, CancellationToken ct)
    {
        using var scope = app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        await using var db = await sp.GetRequiredService<IDbContextFactory<XiheDbContext>>().CreateDbContextAsync(ct);
        var user = await db.Users.SingleAsync(u => u.UserName == "staff", ct);
        var staff = new Actor(user.Id, user.DisplayName, new HashSet<string> { Domain.Common.Roles.Staff }, user.OfficeId);
        var category = await db.Categories.Where(c => c.Name == "新闻动态").Select(c => c.Id).SingleAsync(ct);
        for (var i = 1; i <= QueueRows; i++)
        {
            var draft = await sp.GetRequiredService<SaveNoticeDraft>().HandleAsync(new SaveNoticeDraft.Command
            {
                Title = $"硝河乡第{i}期工作简报",
                BodyHtml = $"<p>第{i}期工作简报：本周各村开展环境整治、安全生产检查和政策宣传。</p>",
                CategoryId = category,
                OfficeId = user.OfficeId,
                LegalBasis = "《中华人民共和国政府信息公开条例》第二十条",
            }, staff, ct);
            await sp.GetRequiredService<SubmitNotice>().HandleAsync(new SubmitNotice.Command(draft.NoticeId, draft.Version), staff, ct);
        }
    }
}
