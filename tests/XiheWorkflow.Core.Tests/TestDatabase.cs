using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using XiheWorkflow.Core;
using XiheWorkflow.Core.Data;

namespace XiheWorkflow.Core.Tests;

/// <summary>
/// A real SQLite file in a fresh temporary data directory, migrated like production, with Core's
/// services and a FakeTimeProvider.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public string DataDirectory { get; }
    public ServiceProvider Services { get; }
    public FakeTimeProvider Clock { get; }
    private readonly bool _ownsDirectory;

    private TestDatabase(string dataDirectory, bool seedDemo, FakeTimeProvider? clock = null, bool publicityDemo = false, bool demoNotices = false)
    {
        DataDirectory = dataDirectory;
        Clock = clock ?? new(new DateTimeOffset(2024, 5, 10, 1, 30, 0, TimeSpan.Zero));
        _ownsDirectory = clock is null;
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
        // Demo 公示 only where a test asks for them: other tests count what they made themselves.
        if (!publicityDemo) WithoutPublicityDemo(services);
        if (!demoNotices) Without<XiheWorkflow.Core.Notices.NoticeDemoData>(services);
        Services = services.BuildServiceProvider();
    }

    public static async Task<TestDatabase> CreateAsync(bool seedDemo = false, bool publicityDemo = false, bool demoNotices = false)
    {
        var dir = Path.Combine(Path.GetTempPath(), "xihe-tests", Guid.NewGuid().ToString("N"));
        var db = new TestDatabase(dir, seedDemo, publicityDemo: publicityDemo, demoNotices: demoNotices);
        await using var scope = db.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        return db;
    }

    /// <summary>
    /// The same data directory and clock as a second process (or the app after a restart) sees
    /// them: new service provider, nothing shared in memory. The first instance keeps the directory.
    /// </summary>
    public TestDatabase Reopen() => new(DataDirectory, seedDemo: false, Clock);

    /// <summary>Core's services plus <paramref name="configure"/> on the same configuration and clock: a host to start and stop.</summary>
    public Microsoft.Extensions.Hosting.IHost BuildHost(Action<IServiceCollection> configure)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration["Xihe:DataDirectory"] = DataDirectory;
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<TimeProvider>(Clock);
        builder.Services.AddXiheCore(builder.Configuration);
        WithoutPublicityDemo(builder.Services);
        Without<XiheWorkflow.Core.Notices.NoticeDemoData>(builder.Services);
        configure(builder.Services);
        return builder.Build();
    }

    public static void WithoutPublicityDemo(IServiceCollection services) => Without<XiheWorkflow.Core.Publicity.PublicityDemoData>(services);

    /// <summary>Most tests want the demo people but count the notices they made themselves.</summary>
    public static void Without<TDemoPart>(IServiceCollection services)
    {
        foreach (var d in services.Where(d => d.ImplementationType == typeof(TDemoPart)).ToList()) services.Remove(d);
    }

    public XiheDbContext NewContext() => Services.GetRequiredService<IDbContextFactory<XiheDbContext>>().CreateDbContext();

    public T Get<T>() where T : notnull => Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (_ownsDirectory)
        {
            try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
        }
    }
}
