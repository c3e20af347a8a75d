using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace XiheWorkflow.Core.Data;

/// <summary>
/// The database provider named by <c>Xihe:DatabaseProvider</c> (INTERFACES.md §1): SQLite by default,
/// PostgreSQL for a county deployment with several web instances.
/// </summary>
public static class XiheDatabase
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    /// <summary>Reads the configured name; anything but the two known providers stops the start with a clear message.</summary>
    public static bool IsPostgres(XiheOptions options)
    {
        var name = options.DatabaseProvider?.Trim();
        if (string.IsNullOrEmpty(name) || name.Equals(Sqlite, StringComparison.OrdinalIgnoreCase)) return false;
        if (name.Equals(Postgres, StringComparison.OrdinalIgnoreCase) || name.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase)) return true;
        throw new StartupException($"Xihe:DatabaseProvider is '{name}'; use '{Sqlite}' or '{Postgres}'.");
    }

    /// <summary>Points the options at the configured database, with the provider's own settings.</summary>
    public static DbContextOptionsBuilder Use(DbContextOptionsBuilder builder, bool postgres, string? connectionString)
    {
        if (!postgres) return builder.UseSqlite(connectionString);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new StartupException("Xihe:DatabaseProvider is Postgres but no connection string is set: " +
                "set ConnectionStrings__Xihe, e.g. \"Host=db;Database=xihe;Username=xihe;Password=…\".");
        }
        return builder.UseNpgsql(connectionString);
    }
}

/// <summary>
/// Hands out <see cref="XiheDbContext"/> for SQLite and <see cref="PostgresXiheDbContext"/> (same
/// model, its own migrations) for PostgreSQL, so use cases ask for one context type whatever the provider.
/// </summary>
public sealed class XiheDbContextFactory(DbContextOptions<XiheDbContext> options) : IDbContextFactory<XiheDbContext>
{
    private readonly bool _postgres = options.Extensions.Any(e => e.GetType().Name == "NpgsqlOptionsExtension");

    public XiheDbContext CreateDbContext() => _postgres ? new PostgresXiheDbContext(options) : new XiheDbContext(options);
}

/// <summary>
/// Locks that make several web instances on one PostgreSQL database take turns (advisory locks,
/// held by a transaction so that they end with it). SQLite serialises writers itself and has one
/// process writing, so there they are no-ops.
/// </summary>
public static class DatabaseLocks
{
    // Keys in the application's own range of pg advisory locks ("Xihe" followed by a number).
    public const long AuditChain = 0x5869_6865_0001;
    public const long Sweep = 0x5869_6865_0002;
    public const long Initialise = 0x5869_6865_0003;

    public static bool IsPostgres(DbContext db) => db.Database.IsNpgsql();

    /// <summary>Waits for the lock inside the context's current transaction; it is released at commit or rollback.</summary>
    public static async Task LockForTransactionAsync(DbContext db, long key, CancellationToken ct)
    {
        if (!IsPostgres(db)) return;
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", ct);
    }

    /// <summary>Waits for the lock on a connection of its own, held until the result is disposed.</summary>
    public static async Task<IAsyncDisposable> AcquireAsync(IDbContextFactory<XiheDbContext> contexts, long key, CancellationToken ct) =>
        (await TakeAsync(contexts, key, wait: true, ct))!;

    /// <summary>Takes the lock if nobody holds it, else returns null (another instance is doing the work).</summary>
    public static Task<IAsyncDisposable?> TryAcquireAsync(IDbContextFactory<XiheDbContext> contexts, long key, CancellationToken ct) =>
        TakeAsync(contexts, key, wait: false, ct);

    private static async Task<IAsyncDisposable?> TakeAsync(IDbContextFactory<XiheDbContext> contexts, long key, bool wait, CancellationToken ct)
    {
        var db = await contexts.CreateDbContextAsync(ct);
        if (!IsPostgres(db))
        {
            await db.DisposeAsync();
            return NoLock.Instance;
        }
        try
        {
            var transaction = await db.Database.BeginTransactionAsync(ct);
            bool taken;
            if (wait)
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", ct);
                taken = true;
            }
            else
            {
                taken = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({key}) AS \"Value\"").SingleAsync(ct);
            }
            if (taken) return new HeldLock(db, transaction);
            await transaction.DisposeAsync();
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
        await db.DisposeAsync();
        return null;
    }

    private sealed class HeldLock(DbContext db, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                // The transaction did nothing but hold the lock: ending it releases the lock.
                await transaction.RollbackAsync();
            }
            finally
            {
                await transaction.DisposeAsync();
                await db.DisposeAsync();
            }
        }
    }

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
