using Microsoft.AspNetCore.Components.Server.Circuits;

namespace XiheWorkflow.Web.Hosting;

/// <summary>
/// Benchmark mode only (<c>Xihe:BenchmarkMode</c>, never set in production): counts open circuits
/// and reports the managed heap after a full collection, so the benchmark can compute the memory
/// one open page of 待我审核 costs. Nothing of this is mapped or registered otherwise.
/// </summary>
public sealed class BenchmarkStatistics : CircuitHandler
{
    private int _open;

    public int OpenCircuits => Volatile.Read(ref _open);

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _open);
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Decrement(ref _open);
        return Task.CompletedTask;
    }

    public const string ConfigurationKey = "Xihe:BenchmarkMode";

    public static bool Enabled(IConfiguration configuration) => configuration.GetValue<bool>(ConfigurationKey);

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/_benchmark/stats", (BenchmarkStatistics stats) =>
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            return Results.Json(new { circuits = stats.OpenCircuits, heapBytes = GC.GetTotalMemory(forceFullCollection: true) });
        }).AllowAnonymous();
}
