using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;

namespace XiheWorkflow.Core.Data.Configurations;

public class NoticeConfiguration : IEntityTypeConfiguration<Notice>
{
    /// <summary>The partial index's condition, written as EF writes <c>OpenStates.Contains(n.State)</c>.</summary>
    internal static readonly string OpenStatesFilter =
        $"\"State\" IN ({string.Join(", ", Dashboard.DashboardQueries.OpenStates.Select(s => $"'{s}'"))})";

    public void Configure(EntityTypeBuilder<Notice> b)
    {
        b.Property(n => n.Title).HasMaxLength(200).IsRequired();
        b.Property(n => n.LegalBasis).HasMaxLength(2000);
        b.Property(n => n.DocumentNumber).HasMaxLength(100);
        b.Property(n => n.AuthorId).HasMaxLength(450);
        b.Property(n => n.AuthorName).HasMaxLength(50);
        b.Property(n => n.IndexNumber).HasMaxLength(40);
        b.HasIndex(n => n.IndexNumber).IsUnique();
        b.HasIndex(n => new { n.State, n.WaitingSinceUtc });
        b.HasIndex(n => n.AuthorId);
        // Covering for 统计看板's year: publications of a period are grouped without touching the table
        // (State too, which every dashboard query tests).
        b.HasIndex(n => new { n.PublishedAtUtc, n.OfficeId, n.CategoryId, n.Kind, n.Form, n.Origin, n.Channels, n.FormedOn, n.State })
            .HasDatabaseName("IX_Notices_Dashboard");
        // Covering and partial for 统计看板's "now": only open work is in it, so closed history never adds
        // to what is read. The filter is the very IN list the query sends (DashboardQueries.OpenStates):
        // SQLite uses a partial index only when the query's WHERE contains its condition.
        b.HasIndex(n => new { n.State, n.StageIndex, n.Stages, n.Channels, n.WaitingSinceUtc, n.FormedOn, n.OfficeId, n.CategoryId })
            .HasDatabaseName("IX_Notices_Open")
            .HasFilter(OpenStatesFilter);
        b.Property(n => n.Version).IsConcurrencyToken();
        b.Property(n => n.Channels).HasConversion(EnumListConversion.Converter<Channel>(), EnumListConversion.Comparer<Channel>()).HasMaxLength(200);
        b.Property(n => n.Attachments).HasConversion(JsonColumn.Converter<List<AttachmentRef>>(), JsonColumn.Comparer<List<AttachmentRef>>());
        b.Property(n => n.Stages).HasConversion(JsonColumn.Converter<List<WorkflowStage>>(), JsonColumn.Comparer<List<WorkflowStage>>());
        b.HasOne<Category>().WithMany().HasForeignKey(n => n.CategoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Office>().WithMany().HasForeignKey(n => n.OfficeId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(n => n.Revisions).WithOne().HasForeignKey(r => r.NoticeId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(n => n.Events).WithOne().HasForeignKey(e => e.NoticeId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(n => n.Corrections).WithOne().HasForeignKey(c => c.NoticeId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(n => n.Clarifications).WithOne().HasForeignKey(c => c.NoticeId).OnDelete(DeleteBehavior.Cascade);
        // The annual report's table A: 规章 and 行政规范性文件 in force, and those that left (已失效, 已回收)
        // from the year on (WaitingSinceUtc: when they reached that final state), without other kinds or older history.
        b.HasIndex(n => new { n.Kind, n.State, n.WaitingSinceUtc, n.PublishedAtUtc }).HasDatabaseName("IX_Notices_Documents");
        // 定期审查's queue: published notices by review date.
        b.HasIndex(n => new { n.State, n.ReviewDueOn });
        b.Ignore(n => n.OpenCorrection);
        b.Ignore(n => n.Content);
        b.Ignore(n => n.CurrentStage);
        b.Ignore(n => n.LatestRevision);
        b.Ignore(n => n.CurrentStageNeedsMeeting);
        b.Ignore(n => n.Window);
        // The sweeper's two questions: which scheduled notices are due, which windows have ended.
        b.HasIndex(n => new { n.State, n.ScheduledAtUtc });
        b.HasIndex(n => new { n.State, n.PublicityEndsAtUtc });
    }
}

public class NoticeRevisionConfiguration : IEntityTypeConfiguration<NoticeRevision>
{
    public void Configure(EntityTypeBuilder<NoticeRevision> b)
    {
        b.HasIndex(r => new { r.NoticeId, r.Number }).IsUnique();
        b.Property(r => r.Content).HasConversion(JsonColumn.Converter<NoticeContent>(), JsonColumn.Comparer<NoticeContent>());
        b.Property(r => r.AuthorId).HasMaxLength(450);
    }
}

public class NoticeEventConfiguration : IEntityTypeConfiguration<NoticeEvent>
{
    public void Configure(EntityTypeBuilder<NoticeEvent> b)
    {
        b.HasIndex(e => new { e.NoticeId, e.Sequence }).IsUnique();
        // Covering for 统计看板's by-office figures: a period's events without reading older history.
        b.HasIndex(e => new { e.AtUtc, e.Action, e.ToState, e.NoticeId, e.Sequence }).HasDatabaseName("IX_NoticeEvents_Dashboard");
        // Covering for 统计看板's review rounds: a notice's latest submit before an approval, and the approvals between.
        b.HasIndex(e => new { e.NoticeId, e.Action, e.Sequence, e.AtUtc }).HasDatabaseName("IX_NoticeEvents_Rounds");
        b.Property(e => e.ActorName).HasMaxLength(50);
        b.Property(e => e.ActorId).HasMaxLength(450);
        b.Property(e => e.OnBehalfOfId).HasMaxLength(450);
        b.Property(e => e.OnBehalfOfName).HasMaxLength(50);
        b.Property(e => e.StageRole).HasMaxLength(40);
        b.Property(e => e.Reason).HasMaxLength(2000);
        b.Property(e => e.MinutesReference).HasMaxLength(100);
    }
}

public class NoticeCorrectionConfiguration : IEntityTypeConfiguration<NoticeCorrection>
{
    public void Configure(EntityTypeBuilder<NoticeCorrection> b)
    {
        b.HasIndex(c => new { c.NoticeId, c.Number }).IsUnique();
        // The correction queue: corrections in review, oldest first.
        b.HasIndex(c => new { c.Status, c.SubmittedAtUtc });
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Note).HasMaxLength(1000);
        b.Property(c => c.AuthorId).HasMaxLength(450);
        b.Property(c => c.AuthorName).HasMaxLength(50);
        b.Property(c => c.LastDecisionReason).HasMaxLength(2000);
        b.Property(c => c.Content).HasConversion(JsonColumn.Converter<NoticeContent>(), JsonColumn.Comparer<NoticeContent>());
        b.Property(c => c.Stages).HasConversion(JsonColumn.Converter<List<WorkflowStage>>(), JsonColumn.Comparer<List<WorkflowStage>>());
        b.Property(c => c.DeciderIds).HasConversion(JsonColumn.Converter<List<string>>(), JsonColumn.Comparer<List<string>>());
        b.Ignore(c => c.IsOpen);
        b.Ignore(c => c.IsEditable);
        b.Ignore(c => c.CurrentStage);
    }
}

public class NoticeClarificationConfiguration : IEntityTypeConfiguration<NoticeClarification>
{
    public void Configure(EntityTypeBuilder<NoticeClarification> b)
    {
        b.HasIndex(c => new { c.NoticeId, c.AtUtc });
        b.Property(c => c.Text).HasMaxLength(2000).IsRequired();
        b.Property(c => c.ActorId).HasMaxLength(450);
        b.Property(c => c.ActorName).HasMaxLength(50);
    }
}

public class WorkflowTemplateConfiguration : IEntityTypeConfiguration<WorkflowTemplate>
{
    public void Configure(EntityTypeBuilder<WorkflowTemplate> b)
    {
        b.Property(t => t.Name).HasMaxLength(50).IsRequired();
        b.HasIndex(t => t.Name).IsUnique();
        b.Property(t => t.Version).IsConcurrencyToken();
        b.Property(t => t.Stages).HasConversion(JsonColumn.Converter<List<WorkflowStage>>(), JsonColumn.Comparer<List<WorkflowStage>>());
    }
}

public class ReviewDelegationConfiguration : IEntityTypeConfiguration<ReviewDelegation>
{
    public void Configure(EntityTypeBuilder<ReviewDelegation> b)
    {
        b.ToTable("ReviewDelegations");
        b.Property(d => d.DelegatorId).HasMaxLength(450);
        b.Property(d => d.DelegatorName).HasMaxLength(50);
        b.Property(d => d.DelegateId).HasMaxLength(450);
        b.Property(d => d.DelegateName).HasMaxLength(50);
        b.Property(d => d.Role).HasMaxLength(40);
        b.Property(d => d.CreatedById).HasMaxLength(450);
        b.Property(d => d.CreatedByName).HasMaxLength(50);
        b.Property(d => d.RevokedByName).HasMaxLength(50);
        // Every review decision asks for today's delegations to the acting person.
        b.HasIndex(d => new { d.DelegateId, d.ToDate });
        b.HasIndex(d => new { d.DelegatorId, d.Role, d.ToDate });
    }
}
