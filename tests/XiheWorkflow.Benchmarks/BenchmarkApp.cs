using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Web;

namespace XiheWorkflow.Benchmarks;

/// <summary>
/// The real web app (the same WebSetup as Program.cs) on a loopback socket with its own data
/// directory and demo data, for scenarios that measure it from outside: the load generator, the browser.
/// </summary>
public sealed class BenchmarkApp : IAsyncDisposable
{
    private readonly string _directory;

    private BenchmarkApp(WebApplication app, string directory)
    {
        App = app;
        _directory = directory;
        BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public WebApplication App { get; }

    public string BaseUrl { get; }

    public IServiceProvider Services => App.Services;

    public static async Task<BenchmarkApp> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, CancellationToken ct = default)
    {
        var directory = Path.Combine(Path.GetTempPath(), "xihe-bench-app-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Production",
            ApplicationName = typeof(WebSetup).Assembly.GetName().Name,
        });
        builder.Configuration["Xihe:DataDirectory"] = directory;
        builder.Configuration["Xihe:SeedDemoData"] = "true";
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) builder.Configuration[key] = value;
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // The framework's scripts (blazor.web.js) come from the static web assets of the referenced web project.
        builder.WebHost.UseStaticWebAssets();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.AddXiheWeb();
        var app = builder.Build();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        }
        app.UseXiheWeb();
        await app.StartAsync(ct);
        return new BenchmarkApp(app, directory);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
