using System.Diagnostics;

namespace XiheWorkflow.Benchmarks;

/// <summary>
/// api.vs_healthz: requests per second of <c>GET /api/public/notices</c> divided by those of
/// <c>/healthz</c>, the same load generator (64 connections) against the real app on a loopback
/// socket, one after the other in the same run, on a demo database.
/// </summary>
public sealed class ApiScenario : IScenario
{
    private const int Connections = 64;

    public string Name => "api";

    public async Task RunAsync(BenchmarkRun run, CancellationToken ct)
    {
        await using var app = await BenchmarkApp.StartAsync(ct: ct);
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Connections, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = new Uri(app.BaseUrl),
        };
        var seconds = run.Quick ? 3 : 10;
        // Warm both paths (JIT, connection pool, the list's cache), then measure each for the same time.
        await LoadAsync(client, "/healthz", 1, ct);
        await LoadAsync(client, "/api/public/notices", 1, ct);
        var healthz = await LoadAsync(client, "/healthz", seconds, ct);
        var api = await LoadAsync(client, "/api/public/notices", seconds, ct);
        run.Figure("api.healthz_rps", healthz);
        run.Figure("api.list_rps", api);
        run.Figure("api.vs_healthz", api / healthz);
    }

    /// <summary>Successful responses per second with <see cref="Connections"/> requests always in flight.</summary>
    private static async Task<double> LoadAsync(HttpClient client, string path, int seconds, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var until = TimeSpan.FromSeconds(seconds);
        var ok = 0L;
        var workers = Enumerable.Range(0, Connections).Select(async _ =>
        {
            while (watch.Elapsed < until)
            {
                using var response = await client.GetAsync(path, ct);
                await response.Content.ReadAsByteArrayAsync(ct);
                if (response.IsSuccessStatusCode) Interlocked.Increment(ref ok);
            }
        });
        await Task.WhenAll(workers);
        return ok / watch.Elapsed.TotalSeconds;
    }
}
