using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using XiheWorkflow.Core;
using XiheWorkflow.Core.Data;

namespace XiheWorkflow.Core.Tests;

/// <summary>
/// A real database, migrated like production, with Core's services and a FakeTimeProvider: a SQLite
/// file in a fresh temporary data directory, or — when XIHE_TEST_POSTGRES names a PostgreSQL server —
/// a database of its own on that server (a copy of one migrated once per run, dropped at dispose),
/// with the data directory still holding attachments.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    /// <summary>Connection string of the PostgreSQL server the suite runs against (no database), or null for SQLite.</summary>
    public static string? PostgresServer { get; } =
        Environment.GetEnvironmentVariable("XIHE_TEST_POSTGRES") is { Length: > 0 } s ? s : null;

    public static bool IsPostgres => PostgresServer is not null;

    // Data directory → its database's settings, so that `xihe --data-dir` run in-process (CliRunner) opens the same database.
    private static readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string?>> SettingsByDirectory = new();

    public string DataDirectory { get; }
    public ServiceProvider Services { get; }
    public FakeTimeProvider Clock { get; }
    /// <summary>The configuration every host and service provider of this database is given.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }
    private readonly bool _owns;

    private TestDatabase(string dataDirectory, IReadOnlyDictionary<string, string?> settings, bool seedDemo, FakeTimeProvider? clock = null,
        bool publicityDemo = false, bool demoNotices = false)
    {
        DataDirectory = dataDirectory;
        Settings = settings;
        Clock = clock ?? new(new DateTimeOffset(2024, 5, 10, 1, 30, 0, TimeSpan.Zero));
        _owns = clock is null;
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Xihe:SeedDemoData"] = seedDemo ? "true" : "false" })
            .Build();
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
        var settings = new Dictionary<string, string?> { ["Xihe:DataDirectory"] = dir };
        if (PostgresServer is not null)
        {
            settings["Xihe:DatabaseProvider"] = XiheDatabase.Postgres;
            settings["ConnectionStrings:Xihe"] = await CreatePostgresDatabaseAsync();
        }
        SettingsByDirectory[dir] = settings;
        var db = new TestDatabase(dir, settings, seedDemo, publicityDemo: publicityDemo, demoNotices: demoNotices);
        await using var scope = db.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        return db;
    }

    /// <summary>The settings of the test database whose data directory this is, if any.</summary>
    public static IReadOnlyDictionary<string, string?>? SettingsFor(string dataDirectory) =>
        SettingsByDirectory.GetValueOrDefault(Path.GetFullPath(dataDirectory)) ?? SettingsByDirectory.GetValueOrDefault(dataDirectory);

    /// <summary>
    /// The same database and clock as a second process (or the app after a restart) sees them: new
    /// service provider, nothing shared in memory. The first instance keeps the directory and database.
    /// </summary>
    public TestDatabase Reopen() => new(DataDirectory, Settings, seedDemo: false, Clock);

    /// <summary>Core's services plus <paramref name="configure"/> on the same configuration and clock: a host to start and stop.</summary>
    public Microsoft.Extensions.Hosting.IHost BuildHost(Action<IServiceCollection> configure)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        foreach (var (key, value) in Settings) builder.Configuration[key] = value;
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
        if (!_owns) return;
        SettingsByDirectory.TryRemove(DataDirectory, out _);
        if (Settings.GetValueOrDefault("ConnectionStrings:Xihe") is { } postgres) await DropPostgresDatabaseAsync(postgres);
        else SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }

    // Migrated once per test run (migrations, roles, reference data); every test's database is a copy of it.
    private static readonly Lazy<Task<string>> Template = new(CreateTemplateAsync);

    private static async Task<string> CreatePostgresDatabaseAsync()
    {
        var template = await Template.Value;
        var name = $"xihe_test_{Guid.NewGuid():N}";
        await AdminAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        return ConnectionStringFor(name);
    }

    private static async Task<string> CreateTemplateAsync()
    {
        var name = $"xihe_template_{Guid.NewGuid():N}";
        await AdminAsync($"CREATE DATABASE \"{name}\"");
        var settings = new Dictionary<string, string?>
        {
            ["Xihe:DataDirectory"] = Path.Combine(Path.GetTempPath(), "xihe-tests", name),
            ["Xihe:DatabaseProvider"] = XiheDatabase.Postgres,
            ["ConnectionStrings:Xihe"] = ConnectionStringFor(name),
        };
        await using (var template = new TestDatabase(settings["Xihe:DataDirectory"]!, settings, seedDemo: false, new FakeTimeProvider()))
        {
            await template.Get<DatabaseInitializer>().MigrateAsync();
        }
        // A template cannot be copied while anyone is connected to it.
        using (var pooled = new NpgsqlConnection(settings["ConnectionStrings:Xihe"])) NpgsqlConnection.ClearPool(pooled);
        try { Directory.Delete(settings["Xihe:DataDirectory"]!, recursive: true); } catch (IOException) { }
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { AdminAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)").GetAwaiter().GetResult(); } catch (NpgsqlException) { }
        };
        return name;
    }

    private static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(PostgresServer) { Database = database, IncludeErrorDetail = true }.ConnectionString;

    private static async Task AdminAsync(string sql)
    {
        await using var admin = await OpenAdminAsync();
        await using var command = new NpgsqlCommand(sql, admin);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task DropPostgresDatabaseAsync(string connectionString)
    {
        using (var pooled = new NpgsqlConnection(connectionString)) NpgsqlConnection.ClearPool(pooled);
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        // FORCE: a host a test forgot to stop may still hold a connection.
        await AdminAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static async Task<NpgsqlConnection> OpenAdminAsync()
    {
        // Unpooled: the maintenance database is only used to create and drop the tests' own.
        var builder = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "postgres", Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}

/// <summary>A test of something only SQLite has (its file, WAL, online backup); skipped when the suite runs on PostgreSQL.</summary>
public sealed class SqliteOnlyFactAttribute : FactAttribute
{
    public SqliteOnlyFactAttribute(string reason)
    {
        if (TestDatabase.IsPostgres) Skip = $"SQLite only: {reason}";
    }
}

/// <inheritdoc cref="SqliteOnlyFactAttribute"/>
public sealed class SqliteOnlyTheoryAttribute : TheoryAttribute
{
    public SqliteOnlyTheoryAttribute(string reason)
    {
        if (TestDatabase.IsPostgres) Skip = $"SQLite only: {reason}";
    }
}

/// <summary>A test of what only matters on PostgreSQL (several instances on one database); skipped without XIHE_TEST_POSTGRES.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!TestDatabase.IsPostgres) Skip = "needs PostgreSQL: set XIHE_TEST_POSTGRES to a server's connection string (tests/with-postgres.sh does)";
    }
}
