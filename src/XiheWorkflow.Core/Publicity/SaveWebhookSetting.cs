using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Auditing;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Domain.Common;

namespace XiheWorkflow.Core.Publicity;

/// <summary>The outgoing reminder webhook (企业微信群机器人 address), set or cleared by Admin and audited.</summary>
public class SaveWebhookSetting(IDbContextFactory<XiheDbContext> contexts, TimeProvider clock)
{
    public async Task<string?> GetAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.AppSettings.AsNoTracking().Where(s => s.Key == AppSetting.WebhookUrl).Select(s => s.Value).SingleOrDefaultAsync(ct);
    }

    public async Task HandleAsync(string? url, Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.Admin);
        url = string.IsNullOrWhiteSpace(url) ? null : url.Trim();
        if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
            throw new DomainException("Webhook.UrlInvalid");
        await using var db = await contexts.CreateDbContextAsync(ct);
        var setting = await db.AppSettings.SingleOrDefaultAsync(s => s.Key == AppSetting.WebhookUrl, ct);
        if (setting is null) db.AppSettings.Add(new AppSetting(AppSetting.WebhookUrl, url));
        else setting.Set(url);
        // The address carries the robot's key: the audit says that it changed, not what it is.
        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow().UtcDateTime, actor.UserId, actor.Name,
            url is null ? "Settings.WebhookCleared" : "Settings.WebhookSet", "AppSetting", AppSetting.WebhookUrl));
        await db.SaveChangesAsync(ct);
    }
}
