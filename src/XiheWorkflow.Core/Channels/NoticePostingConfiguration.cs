using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Domain.Channels;
using XiheWorkflow.Domain.Notices;

namespace XiheWorkflow.Core.Channels;

public class NoticePostingConfiguration : IEntityTypeConfiguration<NoticePosting>
{
    public void Configure(EntityTypeBuilder<NoticePosting> b)
    {
        // One record per notice and channel: the report counts a notice once per channel by construction.
        b.HasIndex(p => new { p.NoticeId, p.Channel }).IsUnique();
        b.HasIndex(p => p.PostedOn);
        // Covering and partial for 统计看板's channel figures: a period's postings, grouped without touching the table.
        b.HasIndex(p => new { p.PostedOn, p.Channel, p.Form, p.Origin, p.NoticeId }).HasDatabaseName("IX_NoticePostings_Dashboard")
            .HasFilter("\"Status\" = 'Posted'");
        b.HasOne<Notice>().WithMany().HasForeignKey(p => p.NoticeId).OnDelete(DeleteBehavior.Cascade);
        b.Property(p => p.Link).HasMaxLength(500);
        b.Property(p => p.Reason).HasMaxLength(500);
        b.Property(p => p.ActorId).HasMaxLength(450);
        b.Property(p => p.ActorName).HasMaxLength(50);
        b.Property(p => p.Photo).HasConversion(JsonColumn.Converter<AttachmentRef>(), JsonColumn.Comparer<AttachmentRef>());
    }
}
