namespace XiheWorkflow.Web;

/// <summary>
/// Anchor type of the publicity area's strings (Resources/PublicityResource*.resx): 公示跟踪, the
/// public pages, the bell and the calendar page, kept apart from SharedResource.
/// </summary>
public sealed class PublicityResource;
