using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using MudBlazor.Services;
using XiheWorkflow.Core;
using XiheWorkflow.Web.Components;
using XiheWorkflow.Web.Endpoints;
using XiheWorkflow.Web.Identity;

namespace XiheWorkflow.Web;

public static class WebSetup
{
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en")];

    public static void AddXiheWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        if (builder.Environment.IsDevelopment() && builder.Configuration["Xihe:SeedDemoData"] is null)
        {
            builder.Configuration["Xihe:SeedDemoData"] = "true";
        }

        services.AddRazorComponents().AddInteractiveServerComponents();
        // Chinese text is written as characters, not as &#x…; entities.
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        services.AddCascadingAuthenticationState();
        services.AddPublicCommentRateLimit(builder.Configuration);
        services.AddScoped<Components.Shared.UserContext>();
        services.AddSingleton<Endpoints.PublicListCache>();
        services.AddMudServices();
        services.AddLocalization(o => o.ResourcesPath = "Resources");

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies(cookies =>
        {
            cookies.ApplicationCookie?.Configure(o =>
            {
                o.LoginPath = "/login";
                o.LogoutPath = "/logout";
                o.AccessDeniedPath = "/login";
                o.Cookie.Name = "xihe.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.ExpireTimeSpan = TimeSpan.FromHours(10);
                o.SlidingExpiration = true;
            });
        });
        services.AddAuthorization();
        // The key ring that signs cookies and antiforgery tokens lives in the database, so every web
        // instance on one PostgreSQL database accepts the others' cookies (and a restart keeps sign-ins).
        services.AddDataProtection()
            .SetApplicationName("XiheWorkflow")
            .PersistKeysToDbContext<Core.Data.XiheDbContext>();
        services.AddXiheCore(builder.Configuration)
            .AddSignInManager()
            .AddClaimsPrincipalFactory<XiheClaimsFactory>()
            .AddDefaultTokenProviders();
        services.AddHostedService<Core.Jobs.NightlyBackupService>();
        services.AddExceptionHandler<Hosting.ErrorReference>();
        services.AddXiheJobs();
        if (Hosting.BenchmarkStatistics.Enabled(builder.Configuration))
        {
            services.AddSingleton<Hosting.BenchmarkStatistics>();
            services.AddSingleton<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler>(sp => sp.GetRequiredService<Hosting.BenchmarkStatistics>());
        }
    }

    /// <summary>
    /// wwwroot-assets/ (print stylesheet, notice-board templates, logo) at /assets, for anyone: the
    /// published copy beside the app, or the repository folder while developing and testing.
    /// </summary>
    private static void UseSharedAssets(WebApplication app)
    {
        var root = app.Environment.ContentRootPath;
        var folder = new[] { Path.Combine(root, "assets"), Path.GetFullPath(Path.Combine(root, "..", "..", "wwwroot-assets")) }
            .FirstOrDefault(Directory.Exists);
        if (folder is null) return;
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = "/assets",
            FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(folder),
        });
    }

    public static void UseXiheWeb(this WebApplication app)
    {
        app.UseMiddleware<Hosting.SecurityHeadersMiddleware>();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }
        // People get a Chinese page for a 404; programs calling /api and /feeds get the status code itself.
        app.UseWhen(http => !http.Request.Path.StartsWithSegments("/api") && !http.Request.Path.StartsWithSegments("/feeds"),
            pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        UseSharedAssets(app);
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("zh-CN"),
            SupportedCultures = Cultures,
            SupportedUICultures = Cultures,
            // Only the person's explicit choice (cookie) switches language; the browser's does not.
            RequestCultureProviders = [new CookieRequestCultureProvider()],
        });
        app.UseAuthentication();
        app.UseMiddleware<Hosting.LogScopeMiddleware>();
        app.UseAuthorization();
        app.UseMiddleware<MustChangePasswordMiddleware>();
        app.UseRateLimiter();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthEndpoints();
        app.MapAccountEndpoints();
        app.MapAttachmentEndpoints();
        app.MapPublicCommentEndpoints();
        app.MapRequestsEndpoints();
        app.MapDashboardEndpoints();
        app.MapChannelEndpoints();
        app.MapPublicEndpoints();
        if (Hosting.BenchmarkStatistics.Enabled(app.Configuration)) Hosting.BenchmarkStatistics.Map(app);
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }
}
