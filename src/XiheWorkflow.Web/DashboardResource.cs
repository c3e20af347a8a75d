namespace XiheWorkflow.Web;

/// <summary>
/// Anchor type of 统计看板's strings (Resources/DashboardResource*.resx), apart from SharedResource so
/// that the dashboard's wording changes without touching the shared file.
/// </summary>
public sealed class DashboardResource;
