using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using XiheWorkflow.Domain.Notices;

namespace XiheWorkflow.Core.Data.Configurations;

public class NoticeRosterConfiguration : IEntityTypeConfiguration<NoticeRoster>
{
    public void Configure(EntityTypeBuilder<NoticeRoster> b)
    {
        b.HasOne<Notice>().WithMany().HasForeignKey(r => r.NoticeId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.NoticeId, r.Revision }).IsUnique();
        b.Property(r => r.FileName).HasMaxLength(200);
        b.Property(r => r.Roster).HasConversion(JsonColumn.Converter<Roster>(), JsonColumn.Comparer<Roster>());
    }
}
