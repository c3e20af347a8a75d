using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using XiheWorkflow.Core.Publicity;

namespace XiheWorkflow.Core.Data;

/// <summary>
/// Several web instances on one PostgreSQL database hear of each other's changes (DESIGN.md §10):
/// every <see cref="ChangeNotifier.Raise"/> here becomes a NOTIFY on the channel
/// <see cref="Channel"/> (bursts coalesce into one), and a NOTIFY from another instance raises this
/// instance's notifier, so live pages and the public list cache refresh everywhere. On SQLite (one
/// process) it does nothing. A lost connection is re-opened; the pages then refresh once, in case
/// something was missed meanwhile.
/// </summary>
public sealed class PostgresChangeRelay(IDbContextFactory<XiheDbContext> contexts, ChangeNotifier notifier, ILogger<PostgresChangeRelay> logger)
    : BackgroundService
{
    public const string Channel = "xihe_changes";
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);
    private readonly string _instance = Guid.NewGuid().ToString("N");
    private readonly Channel<bool> _outgoing = System.Threading.Channels.Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        string connectionString;
        await using (var db = await contexts.CreateDbContextAsync(stoppingToken))
        {
            if (!DatabaseLocks.IsPostgres(db)) return;
            connectionString = db.Database.GetConnectionString()!;
        }
        notifier.Broadcast = () => _outgoing.Writer.TryWrite(true);
        try
        {
            await Task.WhenAll(ListenAsync(connectionString, stoppingToken), SendAsync(connectionString, stoppingToken));
        }
        finally
        {
            notifier.Broadcast = null;
        }
    }

    private async Task ListenAsync(string connectionString, CancellationToken stop)
    {
        // Its own connection, outside the pool: it stays open, listening, for the life of the app.
        var listening = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 30 }.ConnectionString;
        var reconnecting = false;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(listening);
                await connection.OpenAsync(stop);
                connection.Notification += (_, e) =>
                {
                    if (e.Payload != _instance) notifier.RaiseHere();
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection)) await listen.ExecuteNonQueryAsync(stop);
                if (reconnecting) notifier.RaiseHere();
                reconnecting = false;
                while (true) await connection.WaitAsync(stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Listening for other instances' changes failed; trying again in {Delay}", RetryDelay);
                reconnecting = true;
                if (!await DelayAsync(stop)) return;
            }
        }
    }

    private async Task SendAsync(string connectionString, CancellationToken stop)
    {
        try
        {
            await foreach (var _ in _outgoing.Reader.ReadAllAsync(stop))
            {
                try
                {
                    await using var connection = new NpgsqlConnection(connectionString);
                    await connection.OpenAsync(stop);
                    await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @instance)", connection);
                    notify.Parameters.AddWithValue("channel", Channel);
                    notify.Parameters.AddWithValue("instance", _instance);
                    await notify.ExecuteNonQueryAsync(stop);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The other instances miss this one change; their caches still expire on their own.
                    logger.LogWarning(e, "Telling other instances of a change failed");
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    private static async Task<bool> DelayAsync(CancellationToken stop)
    {
        try
        {
            await Task.Delay(RetryDelay, stop);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
