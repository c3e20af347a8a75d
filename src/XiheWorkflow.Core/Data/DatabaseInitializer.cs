using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using XiheWorkflow.Core.Admin;
using XiheWorkflow.Domain.Common;

namespace XiheWorkflow.Core.Data;

/// <summary>
/// Brings a database to the code's schema and seeds what every database must hold. Used by the web
/// app at start-up and by `xihe db migrate`.
/// </summary>
public class DatabaseInitializer(
    IDbContextFactory<XiheDbContext> contextFactory,
    IServiceProvider services,
    IOptions<XiheOptions> options,
    ILogger<DatabaseInitializer> logger)
{
    public Task MigrateAsync(CancellationToken ct = default) => MigrateAsync(seedDemo: false, ct);

    private async Task MigrateAsync(bool seedDemo, CancellationToken ct)
    {
        var opts = options.Value;
        DataDirectory.EnsureWritable(opts.ResolvedDataDirectory);
        await using var db = await contextFactory.CreateDbContextAsync(ct);

        var known = db.Database.GetMigrations().ToHashSet();
        if (await DatabaseExistsAsync(db, ct))
        {
            var applied = await db.Database.GetAppliedMigrationsAsync(ct);
            var unknown = applied.Where(m => !known.Contains(m)).ToList();
            if (unknown.Count > 0)
            {
                throw new StartupException(
                    $"The database '{db.Database.GetDbConnection().DataSource}' was made by a newer version of XiheWorkflow " +
                    $"(unknown migration {unknown[^1]}); install that version or restore a backup. Nothing was changed.");
            }
        }

        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            // EF turns WAL on when it creates the file; a file made elsewhere gets it here.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }

        // Several web instances may start together on one PostgreSQL database (EF locks the migration
        // itself): they seed one after the other, so the second finds everything there.
        await using var initialising = await DatabaseLocks.AcquireAsync(contextFactory, DatabaseLocks.Initialise, ct);
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        }
        await ReferenceData.EnsureAsync(db, ct);
        if (seedDemo)
        {
            var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
            if (await seeder.CanSeedAsync(ct)) await seeder.SeedAsync(ct);
        }
        logger.LogInformation("Database ready at {DataSource}", db.Database.GetDbConnection().DataSource);
    }

    /// <summary>Migrates, then seeds demo data when configured and the database has nobody in it yet.</summary>
    public Task InitializeAsync(CancellationToken ct = default) => MigrateAsync(options.Value.SeedDemoData, ct);

    private static async Task<bool> DatabaseExistsAsync(XiheDbContext db, CancellationToken ct)
    {
        if (db.Database.IsSqlite())
        {
            var source = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            if (!File.Exists(source)) return false;
        }
        return await db.Database.CanConnectAsync(ct);
    }
}
