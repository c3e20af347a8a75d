using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;
using XiheWorkflow.Core.Auditing;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Domain.Common;

namespace XiheWorkflow.Core.Channels;

/// <summary>A value an administrator sets in 系统管理 and every printed sheet reads (key → text).</summary>
public class SiteSetting
{
    public string Key { get; private set; } = "";
    public string Value { get; private set; } = "";
    public DateTime UpdatedAtUtc { get; private set; }
    public string UpdatedBy { get; private set; } = "";

    private SiteSetting() { }

    public SiteSetting(string key, string value, DateTime nowUtc, string updatedBy)
    {
        Key = key;
        Set(value, nowUtc, updatedBy);
    }

    public void Set(string value, DateTime nowUtc, string updatedBy)
    {
        Value = value;
        UpdatedAtUtc = nowUtc;
        UpdatedBy = updatedBy;
    }
}

public class SiteSettingConfiguration : IEntityTypeConfiguration<SiteSetting>
{
    public void Configure(EntityTypeBuilder<SiteSetting> b)
    {
        b.HasKey(s => s.Key);
        b.Property(s => s.Key).HasMaxLength(100);
        b.Property(s => s.Value).HasMaxLength(500);
        b.Property(s => s.UpdatedBy).HasMaxLength(50);
    }
}

/// <summary>Where the public sends objections (监督电话, 监督邮箱) and who signs the sheets (落款单位).</summary>
public sealed record ChannelSettings(string SupervisionPhone, string Mailbox, string IssuingOrganization);

public class ChannelSettingsStore(IDbContextFactory<XiheDbContext> contexts, IOptions<XiheOptions> options, TimeProvider clock)
{
    public const string PhoneKey = "Channels.SupervisionPhone";
    public const string MailboxKey = "Channels.Mailbox";
    public const string OrganizationKey = "Channels.IssuingOrganization";

    public async Task<ChannelSettings> GetAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var values = await db.Set<SiteSetting>().AsNoTracking().Where(s => s.Key.StartsWith("Channels."))
            .ToDictionaryAsync(s => s.Key, s => s.Value, ct);
        var organization = values.GetValueOrDefault(OrganizationKey);
        return new ChannelSettings(values.GetValueOrDefault(PhoneKey, ""), values.GetValueOrDefault(MailboxKey, ""),
            string.IsNullOrWhiteSpace(organization) ? options.Value.PublishingBody : organization);
    }

    public async Task SaveAsync(ChannelSettings settings, Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.Admin);
        var phone = settings.SupervisionPhone.Trim();
        var mailbox = settings.Mailbox.Trim();
        var organization = settings.IssuingOrganization.Trim();
        if (phone.Length > 40 || (phone.Length > 0 && !phone.All(c => char.IsAsciiDigit(c) || c is '-' or ' ' or '(' or ')')))
            throw new DomainException("Channels.PhoneInvalid");
        if (mailbox.Length > 200) throw new DomainException("Channels.MailboxTooLong");
        if (organization.Length is 0 or > 100) throw new DomainException("Channels.OrganizationRequired");

        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (key, value) in new[] { (PhoneKey, phone), (MailboxKey, mailbox), (OrganizationKey, organization) })
        {
            var row = await db.Set<SiteSetting>().SingleOrDefaultAsync(s => s.Key == key, ct);
            if (row is null) db.Add(new SiteSetting(key, value, now, actor.Name));
            else row.Set(value, now, actor.Name);
        }
        db.AuditEntries.Add(new AuditEntry(now, actor.UserId, actor.Name, "Settings.Channels", "Setting", "Channels",
            details: $"监督电话 {phone}; 监督邮箱 {mailbox}; 落款单位 {organization}"));
        await db.SaveChangesAsync(ct);
    }
}
