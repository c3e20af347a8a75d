using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;

namespace XiheWorkflow.Core.Data.Configurations;

public class OfficeConfiguration : IEntityTypeConfiguration<Office>
{
    public void Configure(EntityTypeBuilder<Office> b)
    {
        b.Property(o => o.Name).HasMaxLength(50).IsRequired();
        b.HasIndex(o => o.Name).IsUnique();
        b.Property(o => o.Version).IsConcurrencyToken();
    }
}

public class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> b)
    {
        b.Property(c => c.Name).HasMaxLength(50).IsRequired();
        b.HasIndex(c => c.Name).IsUnique();
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Ignore(c => c.Rule);
        b.HasOne<WorkflowTemplate>().WithMany().HasForeignKey(c => c.WorkflowTemplateId).OnDelete(DeleteBehavior.Restrict);
        b.Property(c => c.DefaultChannels).HasConversion(EnumListConversion.Converter<Channel>(), EnumListConversion.Comparer<Channel>())
            .HasMaxLength(200);
    }
}

public class XiheUserConfiguration : IEntityTypeConfiguration<XiheUser>
{
    public void Configure(EntityTypeBuilder<XiheUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(50);
        b.HasOne(u => u.Office).WithMany().HasForeignKey(u => u.OfficeId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(u => u.SupervisedOffices).WithMany().UsingEntity("OfficeSupervisions");
    }
}

/// <summary>A list of enum codes stored as one "A;B" column: readable, and enough for a handful of values.</summary>
public static class EnumListConversion
{
    public static Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<List<T>, string> Converter<T>() where T : struct, Enum =>
        new(v => string.Join(';', v.Select(x => x.ToString())),
            s => s.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(x => Enum.Parse<T>(x)).ToList());

    public static ValueComparer<List<T>> Comparer<T>() where T : struct, Enum =>
        new((a, b) => (a ?? new()).SequenceEqual(b ?? new()),
            v => v.Aggregate(0, (h, x) => HashCode.Combine(h, x.GetHashCode())),
            v => v.ToList());
}
