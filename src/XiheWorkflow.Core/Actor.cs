using System.Security.Claims;
using XiheWorkflow.Domain.Common;

namespace XiheWorkflow.Core;

/// <summary>
/// Who is acting, as the server knows it (from the sign-in cookie, or the command line's operator).
/// Every use case takes one and checks it; the UI only mirrors those checks.
/// </summary>
public record Actor(string? UserId, string Name, IReadOnlySet<string> Roles, int? OfficeId = null)
{
    /// <summary>The operator of the command line: a local administrator of the data directory.</summary>
    public static Actor CommandLine { get; } = new(null, "xihe", new HashSet<string>(Domain.Common.Roles.All));

    /// <summary>The background sweeper: publishes what is scheduled and closes ended windows, nothing else.</summary>
    public static Actor Scheduler { get; } = new(null, "系统", new HashSet<string> { Domain.Common.Roles.System });

    public bool IsIn(string role) => Roles.Contains(role);

    public void Require(params string[] anyOf)
    {
        if (!anyOf.Any(Roles.Contains)) throw new DomainException("Auth.RoleRequired", string.Join("/", anyOf.Select(Domain.Common.Roles.Label)));
    }

    public static Actor FromPrincipal(ClaimsPrincipal principal)
    {
        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet();
        int? officeId = int.TryParse(principal.FindFirstValue(XiheClaims.OfficeId), out var o) ? o : null;
        return new Actor(principal.FindFirstValue(ClaimTypes.NameIdentifier), principal.FindFirstValue(XiheClaims.DisplayName)
            ?? principal.Identity?.Name ?? "", roles, officeId);
    }
}

public static class XiheClaims
{
    public const string DisplayName = "xihe:display_name";
    public const string OfficeId = "xihe:office_id";
}
