using XiheWorkflow.Domain.Common;

namespace XiheWorkflow.Web.Components;

/// <summary>
/// Which roles may open each page. Pages use these in [Authorize(Roles = …)], and the navigation
/// reads the same table, so a link shows exactly when the server would let the person in.
/// </summary>
public static class PageRoles
{
    /// <summary>Every role a workflow stage may have (WorkflowSettings.StageRoleChoices), or a stage could never be decided.</summary>
    public const string ReviewQueue = Roles.SupervisingLeader + "," + Roles.DisclosureOfficer + "," + Roles.LeadingGroup + "," + Roles.OfficeHead;
    public const string PeriodicReview = Roles.DisclosureOfficer;
    public const string Agenda = Roles.LeadingGroup + "," + Roles.DisclosureOfficer;
    public const string Publicity = Roles.Staff + "," + Roles.SupervisingLeader + "," + Roles.DisclosureOfficer + "," + Roles.LeadingGroup + "," + Roles.OfficeHead;
    public const string Requests = Roles.DisclosureOfficer + "," + Roles.OfficeHead;
    public const string Dashboard = Roles.Staff + "," + Roles.SupervisingLeader + "," + Roles.DisclosureOfficer + "," + Roles.LeadingGroup + "," + Roles.OfficeHead;
    public const string AnnualReport = Roles.DisclosureOfficer + "," + Roles.OfficeHead;
    public const string Admin = Roles.Admin;
    public const string Import = Roles.DisclosureOfficer + "," + Roles.Admin;
    public const string LetterTemplates = Roles.DisclosureOfficer + "," + Roles.Admin;

    /// <param name="Resource">The resource anchor holding <paramref name="ResourceKey"/> (SharedResource when null).</param>
    public record NavItem(string Href, string ResourceKey, string Icon, string? Roles, bool Exact = false, Type? Resource = null);

    public static readonly NavItem[] Navigation =
    [
        new("/", "Nav.MyWork", MudBlazor.Icons.Material.Outlined.Inbox, null, Exact: true),
        new("/reviews", "Nav.ReviewQueue", MudBlazor.Icons.Material.Outlined.FactCheck, ReviewQueue, Exact: true),
        new("/reviews/delegation", "Nav.Delegation", MudBlazor.Icons.Material.Outlined.SwitchAccount, ReviewQueue),
        new("/reviews/periodic", "Nav.PeriodicReview", MudBlazor.Icons.Material.Outlined.EventRepeat, PeriodicReview),
        new("/agenda", "Nav.Agenda", MudBlazor.Icons.Material.Outlined.Groups, Agenda),
        new("/publicity", "Nav.Publicity", MudBlazor.Icons.Material.Outlined.Timer, Publicity),
        new("/requests", "Nav.Requests", MudBlazor.Icons.Material.Outlined.QuestionAnswer, Requests),
        new("/dashboard", "Nav.Dashboard", MudBlazor.Icons.Material.Outlined.Insights, Dashboard),
        new("/report", "Nav.AnnualReport", MudBlazor.Icons.Material.Outlined.Summarize, AnnualReport),
        new("/import", "Nav.Import", MudBlazor.Icons.Material.Outlined.UploadFile, Import),
        new("/admin", "Nav.Admin", MudBlazor.Icons.Material.Outlined.Settings, Admin),
        new("/admin/calendar", "Nav.Calendar", MudBlazor.Icons.Material.Outlined.CalendarMonth, Admin, Resource: typeof(PublicityResource)),
    ];

    public static bool Allows(NavItem item, System.Security.Claims.ClaimsPrincipal user) =>
        item.Roles is null ? user.Identity?.IsAuthenticated == true : item.Roles.Split(',').Any(user.IsInRole);
}
