using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using XiheWorkflow.Core;
using XiheWorkflow.Core.Admin;
using XiheWorkflow.Core.Data;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace XiheWorkflow.Core.Tests;

/// <summary>
/// A real SQLite file in a fresh temporary data directory, migrated like production, with Core's
/// services and a FakeTimeProvider.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public string DataDirectory { get; }
    public ServiceProvider Services { get; }
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2024, 5, 10, 1, 30, 0, TimeSpan.Zero));

    private TestDatabase(string dataDirectory, bool seedDemo, bool demoNotices)
    {
        DataDirectory = dataDirectory;
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Xihe:DataDirectory"] = dataDirectory,
            ["Xihe:SeedDemoData"] = seedDemo ? "true" : "false",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(config);
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(Clock);
        services.AddXiheCore(config);
        if (!demoNotices)
        {
            // Most tests want the demo people but count notices from zero.
            services.RemoveAll<IDemoDataPart>();
        }
        Services = services.BuildServiceProvider();
    }

    public static async Task<TestDatabase> CreateAsync(bool seedDemo = false, bool demoNotices = false)
    {
        var dir = Path.Combine(Path.GetTempPath(), "xihe-tests", Guid.NewGuid().ToString("N"));
        var db = new TestDatabase(dir, seedDemo, demoNotices);
        await using var scope = db.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        return db;
    }

    public XiheDbContext NewContext() => Services.GetRequiredService<IDbContextFactory<XiheDbContext>>().CreateDbContext();

    public T Get<T>() where T : notnull => Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }
}
