using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using XiheWorkflow.Core.Publicity;

namespace XiheWorkflow.Core.Data.Configurations;

public class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.Property(n => n.RecipientUserId).HasMaxLength(450);
        b.Property(n => n.RecipientRole).HasMaxLength(40);
        b.Property(n => n.Text).HasMaxLength(500);
        // Two sweeps at once, or a sweep repeated after a restart, cannot make the same reminder twice.
        b.HasIndex(n => new { n.Kind, n.NoticeId, n.RecipientUserId, n.Day }).IsUnique();
        b.HasIndex(n => new { n.RecipientUserId, n.ReadAtUtc });
    }
}

public class WebhookMessageConfiguration : IEntityTypeConfiguration<WebhookMessage>
{
    public void Configure(EntityTypeBuilder<WebhookMessage> b)
    {
        b.Property(m => m.DedupKey).HasMaxLength(200);
        b.HasIndex(m => m.DedupKey).IsUnique();
        b.Property(m => m.Content).HasMaxLength(2000);
        b.Property(m => m.LastError).HasMaxLength(500);
        b.Property(m => m.Version).IsConcurrencyToken();
        b.HasIndex(m => new { m.DeliveredAtUtc, m.NextAttemptAtUtc });
        b.Ignore(m => m.GaveUp);
    }
}

public class AppSettingConfiguration : IEntityTypeConfiguration<AppSetting>
{
    public void Configure(EntityTypeBuilder<AppSetting> b)
    {
        b.HasKey(s => s.Key);
        b.Property(s => s.Key).HasMaxLength(100);
        b.Property(s => s.Value).HasMaxLength(1000);
        b.Property(s => s.Version).IsConcurrencyToken();
    }
}
