namespace XiheWorkflow.Web;

/// <summary>
/// Anchor type of the 系统管理 page's strings (Resources/AdminResource*.resx), kept apart from
/// SharedResource so that the admin area's wording changes without touching the shared file.
/// </summary>
public sealed class AdminResource;
