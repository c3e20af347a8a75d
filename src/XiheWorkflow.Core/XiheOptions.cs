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

    /// <summary>Default shared by the web app and `xihe`, whatever folder they are started from.</summary>
    public static string DefaultDataDirectory =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData,
            Environment.SpecialFolderOption.DoNotVerify), "XiheWorkflow");

    public string ResolvedDataDirectory => Path.GetFullPath(string.IsNullOrWhiteSpace(DataDirectory) ? DefaultDataDirectory : DataDirectory);

    public string AttachmentsDirectory => Path.Combine(ResolvedDataDirectory, "attachments");
}
