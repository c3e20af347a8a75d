using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using XiheWorkflow.Core.Operations;
using XiheWorkflow.Domain.Common;

namespace XiheWorkflow.Core.Jobs;

/// <summary>
/// The `Xihe:Backup` configuration section: the web app's nightly backup. <see cref="Hour"/> and
/// <see cref="Keep"/> are the defaults until Admin saves a schedule in 系统管理 (<see cref="Operations.BackupSettingsStore"/>).
/// </summary>
public class BackupOptions
{
    public const string Section = "Xihe:Backup";

    public bool Enabled { get; set; } = true;
    /// <summary>Hour of the day (Asia/Shanghai, 0–23) from which the day's backup is due.</summary>
    public int Hour { get; set; } = 2;
    /// <summary>How many nightly backups are kept in &lt;data&gt;/backups; older ones are deleted.</summary>
    public int Keep { get; set; } = 14;
}

/// <summary>
/// Writes one backup a day into &lt;data&gt;/backups once the hour has come, and keeps the newest
/// so many — as saved in 系统管理, else as configured. The day's file is the record that the day is done, so a
/// restart never backs up twice and an app that was down at the hour catches up at its next tick.
/// </summary>
public class NightlyBackupService(
    IServiceScopeFactory scopes,
    IOptions<XiheOptions> xihe,
    IOptions<BackupOptions> options,
    TimeProvider clock,
    ILogger<NightlyBackupService> logger) : BackgroundService
{
    public static readonly TimeSpan Tick = TimeSpan.FromMinutes(10);
    private const string FilePrefix = "xihe-";

    public string BackupsDirectory => xihe.Value.BackupsDirectory;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        if (Data.XiheDatabase.IsPostgres(xihe.Value))
        {
            // The archive is SQLite's file; PostgreSQL is backed up by pg_dump on the database server (README).
            logger.LogInformation("Nightly backup is off: the database is PostgreSQL, back it up with pg_dump");
            return;
        }
        // The first check waits one tick: a start-up (and every test host) should not begin with a backup.
        using var timer = new PeriodicTimer(Tick, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunIfDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Nightly backup into {Directory} failed; it is tried again at the next tick", BackupsDirectory);
            }
        }
    }

    /// <summary>Writes today's backup if the hour has come and it is not there yet; returns its path, else null.</summary>
    public async Task<string?> RunIfDueAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var (savedHour, savedKeep) = await scope.ServiceProvider.GetRequiredService<BackupSettingsStore>().GetSavedAsync(ct);
        var hour = savedHour ?? options.Value.Hour;
        var keep = savedKeep ?? options.Value.Keep;

        var local = TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, ChinaTime.Zone);
        if (local.Hour < Math.Clamp(hour, 0, 23)) return null;
        var dayPrefix = FilePrefix + local.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        Directory.CreateDirectory(BackupsDirectory);
        if (Directory.EnumerateFiles(BackupsDirectory, dayPrefix + "-*.zip").Any()) return null;

        var path = Path.Combine(BackupsDirectory, $"{dayPrefix}-{local.ToString("HHmm", CultureInfo.InvariantCulture)}.zip");
        await scope.ServiceProvider.GetRequiredService<CreateBackup>().HandleAsync(path, ct);
        logger.LogInformation("Nightly backup written to {Path}", path);
        Prune(keep);
        return path;
    }

    private void Prune(int keep)
    {
        // Names sort by date, so the newest are last; only this service's own files are ever deleted.
        var old = Directory.EnumerateFiles(BackupsDirectory, FilePrefix + "????????-????.zip")
            .OrderByDescending(Path.GetFileName, StringComparer.Ordinal)
            .Skip(Math.Max(keep, 1));
        foreach (var file in old)
        {
            File.Delete(file);
            logger.LogInformation("Old backup {Path} deleted (keeping {Keep})", file, keep);
        }
    }
}
