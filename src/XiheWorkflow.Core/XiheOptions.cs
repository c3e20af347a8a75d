namespace XiheWorkflow.Core;

/// <summary>The `Xihe` configuration section (INTERFACES.md §1).</summary>
public class XiheOptions
{
    public const string Section = "Xihe";

    public string? DataDirectory { get; set; }
    public string DatabaseProvider { get; set; } = "Sqlite";
    public bool SeedDemoData { get; set; }
    public string? PublicBaseUrl { get; set; }
    public string[] KnownProxies { get; set; } = [];
    /// <summary>Organisation code that starts every 索引号 (e.g. 640422037/2024-00002).</summary>
    public string OrganizationCode { get; set; } = "640422037";
    /// <summary>Days after a window ends that its roster stays on the public pages (DESIGN.md §5).</summary>
    public int RosterPublicDays { get; set; } = 30;
    /// <summary>Working days within which a comment should be answered (意见答复期限).</summary>
    public int CommentAnswerWorkdays { get; set; } = 5;
    /// <summary>发布机构 printed on every published notice.</summary>
    public string PublishingBody { get; set; } = "硝河乡人民政府";
    /// <summary>The organisation as the annual report's title names it.</summary>
    public string ReportOrganization { get; set; } = "西吉县硝河乡人民政府";
    /// <summary>When last year's annual report is due, "MM-dd" (Art. 49; the county sets the township's date).</summary>
    public string AnnualReportDue { get; set; } = "01-31";
    /// <summary>
    /// Working days a review stage may wait (审核时限): longer, 统计看板 counts it as over the limit and
    /// the sweep reminds the stage's holders (DESIGN.md §4: one N, default 2).
    /// </summary>
    public int ReviewLimitWorkdays { get; set; } = 2;

    /// <summary>How often the sweeper publishes due scheduled notices, closes ended windows and makes reminders.</summary>
    public int SweepIntervalSeconds { get; set; } = 60;
    /// <summary>How often the webhook outbox is tried.</summary>
    public int WebhookIntervalSeconds { get; set; } = 30;

    /// <summary>Default shared by the web app and `xihe`, whatever folder they are started from.</summary>
    public static string DefaultDataDirectory =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData,
            Environment.SpecialFolderOption.DoNotVerify), "XiheWorkflow");

    public string ResolvedDataDirectory => Path.GetFullPath(string.IsNullOrWhiteSpace(DataDirectory) ? DefaultDataDirectory : DataDirectory);

    public string AttachmentsDirectory => Path.Combine(ResolvedDataDirectory, "attachments");

    /// <summary>Where the nightly backup writes and prunes its files.</summary>
    public string BackupsDirectory => Path.Combine(ResolvedDataDirectory, "backups");
}
