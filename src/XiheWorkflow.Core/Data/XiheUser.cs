using Microsoft.AspNetCore.Identity;
using XiheWorkflow.Domain.Common;

namespace XiheWorkflow.Core.Data;

/// <summary>A person who signs in. Roles live in Identity's role tables.</summary>
public class XiheUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    /// <summary>The office the person works in (for Staff: where their drafts come from).</summary>
    public int? OfficeId { get; set; }
    public Office? Office { get; set; }
    /// <summary>Offices a supervising leader supervises (分管).</summary>
    public List<Office> SupervisedOffices { get; set; } = [];
    public bool MustChangePassword { get; set; }
}
