using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using XiheWorkflow.Core.Auditing;
using XiheWorkflow.Core.Channels;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Core.Jobs;
using XiheWorkflow.Domain.Common;

namespace XiheWorkflow.Core.Operations;

/// <summary>
/// The nightly backup's schedule as 系统管理 shows it: the hour (Asia/Shanghai) from which the day's
/// backup is due and how many daily backups are kept. <see cref="Saved"/> is false while nothing
/// was saved and the values are `Xihe:Backup`'s.
/// </summary>
public sealed record BackupSchedule(int Hour, int Keep, bool Saved = false)
{
    public const int MaxKeep = 365;
}

/// <summary>
/// Keeps the backup schedule Admin sets in 系统管理 (rows of <see cref="SiteSetting"/>, like the
/// channel settings). Configuration stays the default until a value is saved; the nightly backup
/// reads this at every check, so a change takes effect without a restart.
/// </summary>
public class BackupSettingsStore(IDbContextFactory<XiheDbContext> contexts, IOptions<BackupOptions> options, IOptions<XiheOptions> xihe,
    TimeProvider clock)
{
    public const string HourKey = "Backup.Hour";
    public const string KeepKey = "Backup.Keep";

    /// <summary>The saved values only: null where Admin has not set one.</summary>
    public async Task<(int? Hour, int? Keep)> GetSavedAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var values = await db.Set<SiteSetting>().AsNoTracking().Where(s => s.Key == HourKey || s.Key == KeepKey)
            .ToDictionaryAsync(s => s.Key, s => s.Value, ct);
        static int? Parse(string? v) => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        return (Parse(values.GetValueOrDefault(HourKey)), Parse(values.GetValueOrDefault(KeepKey)));
    }

    /// <summary>What the nightly backup does now: the saved values, else configuration's.</summary>
    public async Task<BackupSchedule> GetAsync(CancellationToken ct = default)
    {
        var (hour, keep) = await GetSavedAsync(ct);
        return new BackupSchedule(hour ?? options.Value.Hour, keep ?? options.Value.Keep, hour is not null || keep is not null);
    }

    public async Task SaveAsync(BackupSchedule schedule, Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.Admin);
        if (schedule.Hour is < 0 or > 23) throw new DomainException("Backup.HourOutOfRange");
        if (schedule.Keep is < 1 or > BackupSchedule.MaxKeep) throw new DomainException("Backup.KeepOutOfRange", BackupSchedule.MaxKeep);
        // The nightly backup archives SQLite's file; on PostgreSQL it stands down, so a schedule would do nothing.
        if (XiheDatabase.IsPostgres(xihe.Value)) throw new DomainException("Backup.NotSqlite");

        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (key, value) in new[] { (HourKey, schedule.Hour), (KeepKey, schedule.Keep) })
        {
            var text = value.ToString(CultureInfo.InvariantCulture);
            var row = await db.Set<SiteSetting>().SingleOrDefaultAsync(s => s.Key == key, ct);
            if (row is null) db.Add(new SiteSetting(key, text, now, actor.Name));
            else row.Set(text, now, actor.Name);
        }
        db.AuditEntries.Add(new AuditEntry(now, actor.UserId, actor.Name, "Settings.Backup", "Setting", "Backup",
            details: $"每日备份时间 {schedule.Hour}时; 保留 {schedule.Keep} 份"));
        await db.SaveChangesAsync(ct);
    }
}
