using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using XiheWorkflow.Core.Admin;
using XiheWorkflow.Core.Calendar;
using XiheWorkflow.Core.Importing;
using XiheWorkflow.Core.Reporting;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Core.Privacy;

namespace XiheWorkflow.Core;

public static class ServiceCollectionExtensions
{
    /// <summary>Everything the web app and the command line share: data, identity stores, use cases.</summary>
    public static IdentityBuilder AddXiheCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<XiheOptions>().Bind(configuration.GetSection(XiheOptions.Section));
        services.AddOptions<Jobs.BackupOptions>().Bind(configuration.GetSection(Jobs.BackupOptions.Section));
        var options = configuration.GetSection(XiheOptions.Section).Get<XiheOptions>() ?? new XiheOptions();
        var connectionString = ResolveConnectionString(configuration, options);

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<Publicity.ChangeNotifier>();
        services.AddSingleton<ChangeFeedInterceptor>();
        // A bad provider name or a missing PostgreSQL connection string surfaces as a StartupException
        // when the first context is made (the web app and `xihe` report it in one line).
        services.AddDbContextFactory<XiheDbContext, XiheDbContextFactory>((sp, db) =>
            XiheDatabase.Use(db, XiheDatabase.IsPostgres(options), connectionString)
                .AddInterceptors(sp.GetRequiredService<ChangeFeedInterceptor>()));
        // Identity's stores and the data-protection key ring ask for the context itself: the factory's, per scope.
        services.Replace(ServiceDescriptor.Scoped<XiheDbContext>(sp => sp.GetRequiredService<IDbContextFactory<XiheDbContext>>().CreateDbContext()));

        services.AddValidatorsFromAssembly(typeof(ServiceCollectionExtensions).Assembly, includeInternalTypes: true);
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<CreateUser>();
        services.AddSingleton<Notices.AttachmentStore>();
        services.AddScoped<Notices.NoticeChange>();
        services.AddScoped<Notices.SaveNoticeDraft>();
        services.AddScoped<Notices.SubmitNotice>();
        services.AddScoped<Notices.SaveCorrection>();
        services.AddScoped<Notices.SubmitCorrection>();
        services.AddScoped<Notices.DecideNotice>();
        services.AddScoped<Notices.RecordGroupDecision>();
        services.AddScoped<Notices.NoticeQueries>();
        services.AddScoped<Notices.CreateDelegation>();
        services.AddScoped<Notices.RevokeDelegation>();
        services.AddScoped<Notices.DelegationQueries>();
        services.AddScoped<Privacy.NoticePrivacyCheck>();
        services.AddScoped<Notices.EditRoster>();
        services.AddScoped<Comments.RecordComment>();
        services.AddScoped<Comments.RespondToComment>();
        services.AddScoped<Comments.CommentQueries>();
        services.AddScoped<Comments.SubmitPublicComment>();
        services.AddScoped<IDemoDataPart, Notices.NoticeDemoData>();
        services.AddSingleton<CalendarProvider>();
        services.AddScoped<SaveCalendarYear>();
        services.AddScoped<ListCalendarYears>();
        services.AddScoped<ImportLedger>();
        services.AddScoped<BuildAnnualReport>();
        services.AddScoped<Channels.ChannelSettingsStore>();
        services.AddScoped<Channels.ChannelOutputs>();
        services.AddScoped<Channels.RecordPosting>();
        services.AddScoped<Channels.PostingQueries>();
        services.AddScoped<Channels.ScreenNotices>();
        foreach (var useCase in new[] { typeof(ListReferenceData), typeof(AddOffice), typeof(RenameOffice), typeof(SetOfficeActive),
                     typeof(AddCategory), typeof(EditCategory), typeof(AddWorkflowTemplate), typeof(EditWorkflowTemplate),
                     typeof(ListUsers), typeof(SetUserAccess), typeof(UnlockUser),
                     typeof(Requests.RegisterApplication), typeof(Requests.RecordApplicationStep), typeof(Requests.ReplyApplication),
                     typeof(Requests.ApplicationQueries), typeof(Requests.LetterTemplateQueries), typeof(Requests.SaveLetterTemplate),
                     typeof(Requests.GenerateLetter), typeof(Requests.OpenLetter), typeof(Requests.AppealQueries), typeof(Requests.AddAppeal),
                     typeof(Requests.CloseAppeal), typeof(ReportQueries), typeof(SaveYearFigures), typeof(SaveReportText),
                     typeof(AnnualReportDeadline), typeof(ExportAnnualReport), typeof(Dashboard.DashboardQueries),
                     typeof(Dashboard.DashboardExport) })
        {
            services.AddScoped(useCase);
        }
        services.AddScoped<Auditing.VerifyAuditChain>();
        services.AddScoped<Auditing.QueryAuditLog>();
        services.AddScoped<Operations.CreateBackup>();
        services.AddScoped<Operations.RestoreBackup>();
        services.AddScoped<Operations.BackupSettingsStore>();
        services.AddSingleton<Comments.CommentCounts>();
        services.AddSingleton<Publicity.IOpenObjections>(sp => sp.GetRequiredService<Comments.CommentCounts>());
        services.AddSingleton<Publicity.ICommentCounts>(sp => sp.GetRequiredService<Comments.CommentCounts>());
        services.AddScoped<Jobs.PublicitySweep>();
        services.AddScoped<Jobs.WorkReminders>();
        services.AddScoped<Jobs.WebhookDispatcher>();
        services.AddHttpClient(Jobs.WebhookDispatcher.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddScoped<Publicity.PublicityQueries>();
        services.AddScoped<Publicity.NotificationCentre>();
        services.AddScoped<Publicity.SaveWebhookSetting>();
        services.AddScoped<Publicity.PublicNotices>();
        services.AddScoped<IDemoDataPart, Publicity.PublicityDemoData>();
        services.AddSingleton<PrivacyFileScanner>();
        services.AddSingleton<RosterPrivacyScanner>();

        return services.AddIdentityCore<XiheUser>(ConfigureIdentity)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<XiheDbContext>();
    }

    /// <summary>
    /// The background sweeper, the webhook sender and, on PostgreSQL, the relay of changes between
    /// instances (the web app runs them; the command line does not).
    /// </summary>
    public static IServiceCollection AddXiheJobs(this IServiceCollection services)
    {
        services.AddHostedService<Jobs.PublicitySweeper>();
        services.AddHostedService<Jobs.WebhookSender>();
        services.AddHostedService<PostgresChangeRelay>();
        return services;
    }

    /// <summary>
    /// <c>ConnectionStrings:Xihe</c> when set; otherwise, for SQLite, the file in the data directory.
    /// PostgreSQL has no default (null): it must be named.
    /// </summary>
    public static string? ResolveConnectionString(IConfiguration configuration, XiheOptions options)
    {
        var explicitString = configuration.GetConnectionString("Xihe");
        if (!string.IsNullOrWhiteSpace(explicitString)) return explicitString;
        if (string.Equals(options.DatabaseProvider?.Trim(), XiheDatabase.Postgres, StringComparison.OrdinalIgnoreCase)
            || string.Equals(options.DatabaseProvider?.Trim(), "PostgreSQL", StringComparison.OrdinalIgnoreCase)) return null;
        return $"Data Source={Path.Combine(options.ResolvedDataDirectory, "xihe.db")}";
    }

    public static void ConfigureIdentity(IdentityOptions o)
    {
        o.Password.RequiredLength = 10;
        o.Password.RequireDigit = true;
        o.Password.RequireLowercase = true;
        o.Password.RequireUppercase = true;
        o.Password.RequireNonAlphanumeric = true;
        o.Lockout.AllowedForNewUsers = true;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        o.User.RequireUniqueEmail = false;
        o.SignIn.RequireConfirmedAccount = false;
    }
}
