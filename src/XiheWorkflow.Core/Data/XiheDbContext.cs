using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Auditing;
using XiheWorkflow.Core.Calendar;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;
using XiheWorkflow.Domain.Reporting;
using XiheWorkflow.Domain.Requests;

namespace XiheWorkflow.Core.Data;

/// <summary>
/// The model and the SQLite migrations (Data/Migrations). <see cref="PostgresXiheDbContext"/> is the
/// same model with its own migrations set for PostgreSQL; the factory picks one by configuration.
/// </summary>
public class XiheDbContext(DbContextOptions<XiheDbContext> options)
    : IdentityDbContext<XiheUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<Office> Offices => Set<Office>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<WorkflowTemplate> WorkflowTemplates => Set<WorkflowTemplate>();
    public DbSet<Notice> Notices => Set<Notice>();
    public DbSet<NoticeRevision> NoticeRevisions => Set<NoticeRevision>();
    public DbSet<NoticeEvent> NoticeEvents => Set<NoticeEvent>();
    public DbSet<NoticeCorrection> NoticeCorrections => Set<NoticeCorrection>();
    public DbSet<NoticeClarification> NoticeClarifications => Set<NoticeClarification>();
    public DbSet<ReviewDelegation> ReviewDelegations => Set<ReviewDelegation>();
    public DbSet<Domain.Comments.Comment> Comments => Set<Domain.Comments.Comment>();
    public DbSet<NoticeRoster> NoticeRosters => Set<NoticeRoster>();
    public DbSet<DisclosureApplication> Applications => Set<DisclosureApplication>();
    public DbSet<Appeal> Appeals => Set<Appeal>();
    public DbSet<YearFigure> YearFigures => Set<YearFigure>();
    public DbSet<HistoricalNotice> HistoricalNotices => Set<HistoricalNotice>();
    public DbSet<CalendarYearRecord> CalendarYears => Set<CalendarYearRecord>();
    public DbSet<ApplicationLetter> ApplicationLetters => Set<ApplicationLetter>();
    public DbSet<LetterTemplate> LetterTemplates => Set<LetterTemplate>();
    public DbSet<ReportText> ReportTexts => Set<ReportText>();
    public DbSet<Domain.Channels.NoticePosting> NoticePostings => Set<Domain.Channels.NoticePosting>();
    public DbSet<Channels.SiteSetting> Settings => Set<Channels.SiteSetting>();
    public DbSet<Publicity.Notification> Notifications => Set<Publicity.Notification>();
    public DbSet<Publicity.WebhookMessage> WebhookMessages => Set<Publicity.WebhookMessage>();
    public DbSet<Publicity.AppSetting> AppSettings => Set<Publicity.AppSetting>();
    /// <summary>The web app's data-protection key ring, shared by every instance on the database (cookies, antiforgery).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(XiheDbContext).Assembly);
        SqlFunctions.Register(builder, postgres: Database.IsNpgsql());
    }

    // One writer at a time links new audit entries to the chain. On SQLite an in-process lock does it
    // (SQLite serialises writers anyway, and the unique Sequence index refuses a fork made by a second
    // process); on PostgreSQL, where several web instances write at once, a transaction-scoped
    // advisory lock makes every writer of every instance take its turn.
    private static readonly SemaphoreSlim AuditChainLock = new(1, 1);

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var newEntries = ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (newEntries.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (DatabaseLocks.IsPostgres(this)) return await LinkAndSaveOnPostgresAsync(newEntries, acceptAllChangesOnSuccess, cancellationToken);

        await AuditChainLock.WaitAsync(cancellationToken);
        try
        {
            return await LinkAndSaveAsync(newEntries, acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            AuditChainLock.Release();
        }
    }

    private async Task<int> LinkAndSaveOnPostgresAsync(List<AuditEntry> newEntries, bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        // The lock lives until the transaction ends: the caller's, or one of its own around this save.
        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            await DatabaseLocks.LockForTransactionAsync(this, DatabaseLocks.AuditChain, cancellationToken);
            var saved = await LinkAndSaveAsync(newEntries, acceptAllChangesOnSuccess, cancellationToken);
            if (ownTransaction is not null) await ownTransaction.CommitAsync(cancellationToken);
            return saved;
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
    }

    private async Task<int> LinkAndSaveAsync(List<AuditEntry> newEntries, bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        var last = await AuditEntries.AsNoTracking().OrderByDescending(a => a.Sequence)
            .Select(a => new { a.Sequence, a.Hash }).FirstOrDefaultAsync(cancellationToken);
        var seq = last?.Sequence ?? 0;
        var prev = last?.Hash ?? "";
        foreach (var entry in newEntries)
        {
            entry.Sequence = ++seq;
            entry.PrevHash = prev;
            entry.Hash = entry.ComputeHash();
            prev = entry.Hash;
        }
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored as their code names so that the database reads like the interfaces.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
        // Instants are stored in UTC and must come back marked as UTC, or comparisons and hashes drift.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }
}

public class UtcDateTimeConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(), v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

public class NullableUtcDateTimeConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime?, DateTime?>(
    v => v == null ? v : v.Value.Kind == DateTimeKind.Utc ? v : v.Value.ToUniversalTime(),
    v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));
