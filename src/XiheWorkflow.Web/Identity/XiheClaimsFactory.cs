using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using XiheWorkflow.Core;
using XiheWorkflow.Core.Data;

namespace XiheWorkflow.Web.Identity;

/// <summary>Puts the display name, office and the must-change-password flag into the sign-in cookie.</summary>
public class XiheClaimsFactory(UserManager<XiheUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<XiheUser, IdentityRole>(users, roles, options)
{
    public const string MustChangePassword = "xihe:must_change_password";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(XiheUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(XiheClaims.DisplayName, string.IsNullOrEmpty(user.DisplayName) ? user.UserName ?? "" : user.DisplayName));
        if (user.OfficeId is { } office) identity.AddClaim(new Claim(XiheClaims.OfficeId, office.ToString()));
        if (user.MustChangePassword) identity.AddClaim(new Claim(MustChangePassword, "true"));
        return identity;
    }
}
