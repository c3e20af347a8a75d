using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using XiheWorkflow.Core;
using XiheWorkflow.Core.Data;

namespace XiheWorkflow.Benchmarks;

/// <summary>A fresh, migrated SQLite file in its own temporary data directory, with Core's services.</summary>
public sealed class BenchmarkDatabase : IAsyncDisposable
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "xihe-bench", Guid.NewGuid().ToString("N"));
    public ServiceProvider Services { get; }
    public string ConnectionString => $"Data Source={Path.Combine(Directory, "xihe.db")}";

    private BenchmarkDatabase()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Xihe:DataDirectory"] = Directory,
            ["Xihe:Backup:Enabled"] = "false",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(config);
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddXiheCore(config);
        Services = services.BuildServiceProvider();
    }

    public static async Task<BenchmarkDatabase> CreateAsync()
    {
        var db = new BenchmarkDatabase();
        await using var scope = db.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync();
        return db;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }
}
