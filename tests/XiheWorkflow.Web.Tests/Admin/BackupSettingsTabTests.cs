using System.Globalization;
using Bunit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MudBlazor.Services;
using XiheWorkflow.Core;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Core.Operations;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Web.Features.Admin;

namespace XiheWorkflow.Web.Tests.Admin;

/// <summary>系统管理 › 数据备份 over Core's real store on a fresh SQLite file.</summary>
public sealed class BackupSettingsTabTests : BunitContext, IAsyncLifetime
{
    private static readonly Actor Admin = new("admin-id", "系统管理员", new HashSet<string> { Roles.Admin });
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "xihe-web-tests", Guid.NewGuid().ToString("N"));
    private readonly ServiceProvider _core;

    public BackupSettingsTabTests()
    {
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("zh-CN");
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Xihe:DataDirectory"] = _dir }).Build();
        var core = new ServiceCollection();
        core.AddSingleton<IConfiguration>(config);
        core.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        core.AddXiheCore(config);
        _core = core.BuildServiceProvider();

        Services.AddMudServices();
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        Services.AddSingleton(_core.GetRequiredService<Microsoft.Extensions.Options.IOptions<XiheOptions>>());
        Services.AddSingleton(_ => _core.CreateScope().ServiceProvider.GetRequiredService<BackupSettingsStore>());
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public async Task InitializeAsync()
    {
        await using var scope = _core.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _core.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private IRenderedComponent<BackupSettingsTab> RenderTab(Actor actor)
    {
        Render<MudBlazor.MudPopoverProvider>();
        return Render<BackupSettingsTab>(p => p.Add(t => t.Actor, actor));
    }

    [Fact]
    public void OnPostgres_TheTabSaysThatTheNightlyBackupDoesNotApply_AndShowsNoSettings()
    {
        var options = _core.GetRequiredService<Microsoft.Extensions.Options.IOptions<XiheOptions>>().Value;
        options.DatabaseProvider = "Postgres";
        try
        {
            var tab = RenderTab(Admin);

            tab.Find("[data-testid=backup-on-postgres]").TextContent.ShouldContain("pg_dump");
            tab.FindAll("[data-testid=backup-settings]").ShouldBeEmpty();
        }
        finally
        {
            options.DatabaseProvider = "Sqlite";
        }
    }

    /// <summary>The input a person finds by its label.</summary>
    private static AngleSharp.Dom.IElement Field(IRenderedComponent<BackupSettingsTab> cut, string label)
    {
        var forLabel = cut.FindAll("label").Single(l => l.TextContent.Trim() == label);
        return cut.Find($"input#{forLabel.GetAttribute("for")}");
    }

    private Task<BackupSchedule> StoredAsync() => _core.CreateScope().ServiceProvider.GetRequiredService<BackupSettingsStore>().GetAsync();

    [Fact]
    public void Tab_NothingSaved_ShowsTheConfigurationDefaultsAndSaysSo()
    {
        var cut = RenderTab(Admin);

        cut.WaitForAssertion(() => Field(cut, "每日备份时间（时，0–23）").GetAttribute("value").ShouldBe("2"));
        Field(cut, "保留份数（每天一份）").GetAttribute("value").ShouldBe("14");
        cut.Find("[data-testid=backup-defaults]").TextContent.ShouldContain("配置文件中的默认值");
        cut.Markup.ShouldContain(Path.Combine(_dir, "backups"));
    }

    [Fact]
    public async Task Save_NewValues_AreStoredAndTheDefaultsNoteGoes()
    {
        var cut = RenderTab(Admin);
        cut.WaitForAssertion(() => Field(cut, "保留份数（每天一份）").GetAttribute("value").ShouldBe("14"));

        Field(cut, "每日备份时间（时，0–23）").Change("3");
        Field(cut, "保留份数（每天一份）").Change("30");
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "保存").Click();

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=backup-defaults]").ShouldBeEmpty());
        (await StoredAsync()).ShouldBe(new BackupSchedule(3, 30, Saved: true));
        cut.FindAll("[role=alert]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Save_HourOutOfRange_ShowsTheReasonAndStoresNothing()
    {
        var cut = RenderTab(Admin);
        cut.WaitForAssertion(() => Field(cut, "每日备份时间（时，0–23）").GetAttribute("value").ShouldBe("2"));

        Field(cut, "每日备份时间（时，0–23）").Change("24");
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "保存").Click();

        cut.WaitForAssertion(() => cut.Find("[role=alert]").TextContent.ShouldContain("备份时间须为 0 至 23 时"));
        (await StoredAsync()).Saved.ShouldBeFalse();
    }

    [Fact]
    public async Task Save_NotAdmin_IsRefusedByTheServer()
    {
        var cut = RenderTab(new Actor("officer-id", "马晓梅", new HashSet<string> { Roles.DisclosureOfficer }));
        cut.WaitForAssertion(() => Field(cut, "保留份数（每天一份）").GetAttribute("value").ShouldBe("14"));

        Field(cut, "保留份数（每天一份）").Change("1");
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "保存").Click();

        cut.WaitForAssertion(() => cut.FindAll("[role=alert]").ShouldHaveSingleItem());
        (await StoredAsync()).Saved.ShouldBeFalse();
    }
}
