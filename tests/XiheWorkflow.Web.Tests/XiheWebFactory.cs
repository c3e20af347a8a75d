using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace XiheWorkflow.Web.Tests;

/// <summary>The real app over a fresh SQLite file in its own data directory, seeded with demo data.</summary>
public class XiheWebFactory : WebApplicationFactory<Program>
{
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "xihe-web-tests", Guid.NewGuid().ToString("N"));

    protected virtual bool SeedDemo => true;

    /// <summary>A PostgreSQL server (XIHE_TEST_POSTGRES) to run the app on instead of SQLite, or null.</summary>
    public static string? PostgresServer { get; } = Environment.GetEnvironmentVariable("XIHE_TEST_POSTGRES") is { Length: > 0 } s ? s : null;
    private string? _postgresDatabase;

    private static void PostgresAdmin(string sql)
    {
        using var connection = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(PostgresServer) { Database = "postgres", Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new Npgsql.NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    /// <summary>More configuration for the app (e.g. a PostgreSQL database); set before the first client is made.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>Demo 公示 (windows around today); off so that tests count only what they made.</summary>
    protected virtual bool PublicityDemo => false;

    /// <summary>The dozen demo notices of the review pipeline; off for the same reason.</summary>
    protected virtual bool DemoNotices => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseStaticWebAssets();
        builder.UseSetting("Xihe:DataDirectory", DataDirectory);
        builder.UseSetting("Xihe:SeedDemoData", SeedDemo ? "true" : "false");
        if (PostgresServer is not null && !Settings.ContainsKey("ConnectionStrings:Xihe"))
        {
            // XIHE_TEST_POSTGRES: the app runs on a PostgreSQL database of its own, dropped at dispose.
            _postgresDatabase = $"xihe_webtest_{Guid.NewGuid():N}";
            PostgresAdmin($"CREATE DATABASE \"{_postgresDatabase}\"");
            Settings["Xihe:DatabaseProvider"] = "Postgres";
            Settings["ConnectionStrings:Xihe"] = new Npgsql.NpgsqlConnectionStringBuilder(PostgresServer) { Database = _postgresDatabase }.ConnectionString;
        }
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureServices(services =>
        {
            if (!PublicityDemo) Remove<Core.Publicity.PublicityDemoData>(services);
            if (!DemoNotices) Remove<Core.Notices.NoticeDemoData>(services);
        });
    }

    private static void Remove<TDemoPart>(IServiceCollection services)
    {
        foreach (var d in services.Where(d => d.ImplementationType == typeof(TDemoPart)).ToList()) services.Remove(d);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (_postgresDatabase is not null)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            PostgresAdmin($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)");
        }
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
        GC.SuppressFinalize(this);
    }

    /// <summary>A demo account as the use cases see it, for tests that act through them directly.</summary>
    public async Task<Core.Actor> DemoActorAsync(string userName)
    {
        var account = Core.Admin.DemoAccounts.All.Single(a => a.UserName == userName);
        using var scope = Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Core.Data.XiheDbContext>>().CreateDbContextAsync();
        var user = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Users, u => u.UserName == userName);
        return new Core.Actor(user.Id, user.DisplayName, new HashSet<string> { account.Role }, user.OfficeId);
    }

    public HttpClient CreateBrowserLikeClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}

/// <summary>The app with the dozen demo notices of the review pipeline, for tests that start from them.</summary>
public sealed class XiheWebFactoryWithDemoNotices : XiheWebFactory
{
    protected override bool DemoNotices => true;
}
