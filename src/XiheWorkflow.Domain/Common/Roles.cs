namespace XiheWorkflow.Domain.Common;

/// <summary>The six roles of DESIGN.md §1. Names are stable codes used in Identity and in the CLI.</summary>
public static class Roles
{
    public const string Staff = "Staff";
    public const string SupervisingLeader = "SupervisingLeader";
    public const string DisclosureOfficer = "DisclosureOfficer";
    public const string LeadingGroup = "LeadingGroup";
    public const string OfficeHead = "OfficeHead";
    public const string Admin = "Admin";
    /// <summary>
    /// The scheduler (定时任务): publishes scheduled notices and closes windows. Not a role people
    /// hold, so it is not in <see cref="All"/> and no user or command-line operator acts as it.
    /// </summary>
    public const string System = "System";

    public static readonly IReadOnlyList<string> All =
        [Staff, SupervisingLeader, DisclosureOfficer, LeadingGroup, OfficeHead, Admin];

    private static readonly Dictionary<string, string> Labels = new()
    {
        [Staff] = "经办人",
        [SupervisingLeader] = "分管领导",
        [DisclosureOfficer] = "政务公开负责人",
        [LeadingGroup] = "领导小组",
        [OfficeHead] = "办公室主任",
        [Admin] = "系统管理员",
        [System] = "系统",
    };

    public static string Label(string role) => Labels.TryGetValue(role, out var l) ? l : role;

    /// <summary>Accepts the code or its exact Chinese label, as every interface must (INTERFACES.md).</summary>
    public static bool TryParse(string? text, out string role)
    {
        role = "";
        if (string.IsNullOrWhiteSpace(text)) return false;
        text = text.Trim();
        foreach (var r in All)
        {
            if (string.Equals(r, text, StringComparison.OrdinalIgnoreCase) || Labels[r] == text)
            {
                role = r;
                return true;
            }
        }
        return false;
    }
}
