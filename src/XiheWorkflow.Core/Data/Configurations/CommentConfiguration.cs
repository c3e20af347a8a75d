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
