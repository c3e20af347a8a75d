using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using XiheWorkflow.Core.Calendar;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;
using XiheWorkflow.Domain.Reporting;
using XiheWorkflow.Domain.Requests;

namespace XiheWorkflow.Core.Data.Configurations;

public class DisclosureApplicationConfiguration : IEntityTypeConfiguration<DisclosureApplication>
{
    public void Configure(EntityTypeBuilder<DisclosureApplication> b)
    {
        b.Property(a => a.Reference).HasMaxLength(60).IsRequired();
        b.HasIndex(a => a.Reference).IsUnique();
        b.Property(a => a.Request).HasMaxLength(4000);
        b.Property(a => a.ApplicantContact).HasMaxLength(200);
        b.Property(a => a.ApplicantName).HasMaxLength(100);
        b.Property(a => a.Version).IsConcurrencyToken();
        // Received and closed dates drive every report query.
        b.HasIndex(a => a.ReceivedOn);
        b.HasIndex(a => a.ClosedOn);
        // 统计看板 reads open applications (Outcome IS NULL) and a period's outcomes.
        b.HasIndex(a => new { a.Outcome, a.ClosedOn }).HasDatabaseName("IX_Applications_Dashboard");
        b.Property(a => a.Events).HasConversion(JsonColumn.Converter<List<ApplicationEvent>>(), JsonColumn.Comparer<List<ApplicationEvent>>());
        b.Ignore(a => a.IsOpen);
    }
}

public class ApplicationLetterConfiguration : IEntityTypeConfiguration<ApplicationLetter>
{
    public void Configure(EntityTypeBuilder<ApplicationLetter> b)
    {
        b.Property(l => l.FileName).HasMaxLength(200).IsRequired();
        b.Property(l => l.Sha256).HasMaxLength(64).IsRequired();
        b.Property(l => l.CreatedBy).HasMaxLength(100);
        b.HasOne<DisclosureApplication>().WithMany().HasForeignKey(l => l.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(l => l.Sha256);
    }
}

public class LetterTemplateConfiguration : IEntityTypeConfiguration<LetterTemplate>
{
    public void Configure(EntityTypeBuilder<LetterTemplate> b)
    {
        b.HasIndex(t => t.Kind).IsUnique();
        b.Property(t => t.Text).HasMaxLength(8000).IsRequired();
        b.Property(t => t.UpdatedBy).HasMaxLength(100);
        b.Property(t => t.Version).IsConcurrencyToken();
    }
}

public class ReportTextConfiguration : IEntityTypeConfiguration<ReportText>
{
    public void Configure(EntityTypeBuilder<ReportText> b)
    {
        b.HasIndex(t => t.Year).IsUnique();
        b.Property(t => t.Problems).HasMaxLength(20000);
        b.Property(t => t.OtherMatters).HasMaxLength(20000);
        b.Property(t => t.UpdatedBy).HasMaxLength(100);
        b.Property(t => t.Version).IsConcurrencyToken();
    }
}

public class AppealConfiguration : IEntityTypeConfiguration<Appeal>
{
    public void Configure(EntityTypeBuilder<Appeal> b)
    {
        b.Property(a => a.Reference).HasMaxLength(60).IsRequired();
        b.HasIndex(a => a.Reference).IsUnique();
        b.Property(a => a.Version).IsConcurrencyToken();
        // The annual report reads cases still open or closed from its year on, never older ones.
        b.HasIndex(a => a.ClosedOn);
    }
}

public class YearFigureConfiguration : IEntityTypeConfiguration<YearFigure>
{
    public void Configure(EntityTypeBuilder<YearFigure> b)
    {
        b.HasIndex(f => f.Year).IsUnique();
        b.Property(f => f.FeesTenThousandYuan).HasPrecision(18, 4);
        b.Property(f => f.Version).IsConcurrencyToken();
    }
}

public class HistoricalNoticeConfiguration : IEntityTypeConfiguration<HistoricalNotice>
{
    public void Configure(EntityTypeBuilder<HistoricalNotice> b)
    {
        b.Property(n => n.Reference).HasMaxLength(60).IsRequired();
        b.HasIndex(n => n.Reference).IsUnique();
        b.Property(n => n.Title).HasMaxLength(200).IsRequired();
        b.HasIndex(n => n.PublishedOn);
        // The annual report's table A: documents in force, or repealed from its year on, without
        // reading the imported history of other kinds or of documents repealed long ago.
        b.HasIndex(n => new { n.Kind, n.RepealedOn }).HasDatabaseName("IX_HistoricalNotices_Documents");
        b.HasIndex(n => new { n.PublishedOn, n.OfficeId, n.CategoryId, n.Kind, n.Form, n.Origin, n.Channels }).HasDatabaseName("IX_HistoricalNotices_Dashboard");
        b.Property(n => n.Channels).HasConversion(EnumListConversion.Converter<Channel>(), EnumListConversion.Comparer<Channel>()).HasMaxLength(200);
        b.HasOne<Office>().WithMany().HasForeignKey(n => n.OfficeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Category>().WithMany().HasForeignKey(n => n.CategoryId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(n => n.PostingKey);
    }
}

public class CalendarYearRecordConfiguration : IEntityTypeConfiguration<CalendarYearRecord>
{
    public void Configure(EntityTypeBuilder<CalendarYearRecord> b)
    {
        b.ToTable("CalendarYears");
        b.HasIndex(y => y.Year).IsUnique();
        b.Property(y => y.Source).HasMaxLength(200);
        b.Property(y => y.Version).IsConcurrencyToken();
        b.Property(y => y.DaysOff).HasConversion(DateListConversion.Converter, DateListConversion.Comparer);
        b.Property(y => y.MakeUpWorkdays).HasConversion(DateListConversion.Converter, DateListConversion.Comparer);
    }
}

/// <summary>Dates stored as one "yyyy-MM-dd;yyyy-MM-dd" column, as the State Council notices list them.</summary>
public static class DateListConversion
{
    public static ValueConverter<List<DateOnly>, string> Converter { get; } = new(
        v => string.Join(';', v.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
        s => s.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList());

    public static ValueComparer<List<DateOnly>> Comparer { get; } = new(
        (a, b) => (a ?? new()).SequenceEqual(b ?? new()),
        v => v.Aggregate(0, (h, x) => HashCode.Combine(h, x.GetHashCode())),
        v => v.ToList());
}
