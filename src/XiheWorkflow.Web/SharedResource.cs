namespace XiheWorkflow.Web;

/// <summary>Anchor type of the UI's localization resources (Resources/SharedResource*.resx).</summary>
public sealed class SharedResource;
