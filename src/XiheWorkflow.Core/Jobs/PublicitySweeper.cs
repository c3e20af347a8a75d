using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace XiheWorkflow.Core.Jobs;

/// <summary>
/// Runs <see cref="PublicitySweep"/> at start (catching up on whatever fell due while the app was
/// down) and then on a <see cref="PeriodicTimer"/> of the injected <see cref="TimeProvider"/>.
/// The timers themselves are rows in the database, so stopping this loses nothing.
/// </summary>
public sealed class PublicitySweeper(IServiceScopeFactory scopes, TimeProvider clock, IOptions<XiheOptions> options,
    ILogger<PublicitySweeper> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicJob.RunAsync(TimeSpan.FromSeconds(Math.Max(1, options.Value.SweepIntervalSeconds)), clock, logger, async ct =>
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<PublicitySweep>().RunAsync(ct);
        }, stoppingToken);
}

/// <summary>Delivers the webhook outbox on its own timer, apart from the sweep.</summary>
public sealed class WebhookSender(IServiceScopeFactory scopes, TimeProvider clock, IOptions<XiheOptions> options,
    ILogger<WebhookSender> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicJob.RunAsync(TimeSpan.FromSeconds(Math.Max(1, options.Value.WebhookIntervalSeconds)), clock, logger, async ct =>
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<WebhookDispatcher>().DeliverDueAsync(ct);
        }, stoppingToken);
}

internal static class PeriodicJob
{
    public static async Task RunAsync(TimeSpan interval, TimeProvider clock, ILogger logger, Func<CancellationToken, Task> work, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                await work(stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The next tick tries again; one bad pass must not end the loop for good.
                logger.LogError(e, "Periodic job failed");
            }
        }
        while (await WaitAsync(timer, stop));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stop)
    {
        try { return await timer.WaitForNextTickAsync(stop); }
        catch (OperationCanceledException) { return false; }
    }
}
