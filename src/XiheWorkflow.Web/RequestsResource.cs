namespace XiheWorkflow.Web;

/// <summary>
/// Anchor type of the strings of 依申请公开, the import page and 年度报告 (Resources/RequestsResource*.resx),
/// kept apart from SharedResource so that these areas' wording changes without touching the shared file.
/// </summary>
public sealed class RequestsResource;
