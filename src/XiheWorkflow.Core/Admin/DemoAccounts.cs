using XiheWorkflow.Domain.Common;

namespace XiheWorkflow.Core.Admin;

/// <summary>The demo accounts of INTERFACES.md §2; they exist only in demo mode.</summary>
public static class DemoAccounts
{
    public const string Password = "Xihe#Demo2024";

    public record Account(string UserName, string DisplayName, string Role, string? Office, string[] Supervises);

    public static readonly Account[] All =
    [
        new("admin", "系统管理员", Roles.Admin, "综合办公室", []),
        new("staff", "张明", Roles.Staff, "综合办公室", []),
        new("staff2", "李芳", Roles.Staff, "民生服务中心", []),
        new("leader", "王建国", Roles.SupervisingLeader, "综合办公室", ["综合办公室", "民生服务中心"]),
        new("officer", "马晓梅", Roles.DisclosureOfficer, "综合办公室", []),
        new("group", "杨志强", Roles.LeadingGroup, "综合办公室", []),
        new("head", "刘红", Roles.OfficeHead, "综合办公室", []),
    ];
}
