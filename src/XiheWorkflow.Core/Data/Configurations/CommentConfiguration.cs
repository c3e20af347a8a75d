using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using XiheWorkflow.Domain.Comments;
using XiheWorkflow.Domain.Notices;

namespace XiheWorkflow.Core.Data.Configurations;

public class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> b)
    {
        b.HasOne<Notice>().WithMany().HasForeignKey(c => c.NoticeId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.NoticeId, c.Status });
        // Covering for 统计看板: a period's comments, and open objections, without reading closed history.
        b.HasIndex(c => new { c.ReceivedAtUtc, c.NoticeId, c.AnsweredAtUtc }).HasDatabaseName("IX_Comments_Dashboard");
        b.HasIndex(c => new { c.Status, c.Kind, c.NoticeId, c.ReceivedAtUtc }).HasDatabaseName("IX_Comments_Open");
        // Partial: open objections only, a handful however many comments were answered. Its statistics
        // also tell SQLite's planner (once ANALYZE has run) how few they are; without it, the planner
        // builds a Bloom filter over every notice to join the open objections to their notices.
        b.HasIndex(c => new { c.NoticeId, c.ReceivedAtUtc }).HasDatabaseName("IX_Comments_OpenObjections")
            .HasFilter("\"Status\" = 'Pending' AND \"Kind\" = 'Objection'");
        b.Property(c => c.Content).HasMaxLength(Comment.MaxContent).IsRequired();
        b.Property(c => c.Answer).HasMaxLength(Comment.MaxContent);
        b.Property(c => c.CommenterName).HasMaxLength(50);
        b.Property(c => c.CommenterContact).HasMaxLength(100);
        b.Property(c => c.RecordedByName).HasMaxLength(50);
        b.Property(c => c.AnsweredByName).HasMaxLength(50);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Ignore(c => c.IsOpen);
        b.Ignore(c => c.IsOpenObjection);
    }
}
