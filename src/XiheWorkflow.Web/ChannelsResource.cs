namespace XiheWorkflow.Web;

/// <summary>
/// Anchor type of the strings of the channel outputs, posting records, the 公开栏 print view and the
/// 电子屏 (Resources/ChannelsResource*.resx), apart from SharedResource so that other areas' edits do not collide.
/// </summary>
public sealed class ChannelsResource;
