using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Auditing;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Domain.Common;

namespace XiheWorkflow.Core.Admin;

/// <summary>
/// Deactivates an office (no longer offered for new notices and users; its history stays) or
/// activates it again. Offices are never deleted: notices and the annual report refer to them.
/// </summary>
public class SetOfficeActive(IDbContextFactory<XiheDbContext> contextFactory, TimeProvider clock)
{
    public record Command(int OfficeId, bool Active, int Version);

    public async Task HandleAsync(Command command, Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.Admin);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var office = await db.Offices.SingleOrDefaultAsync(o => o.Id == command.OfficeId, ct)
            ?? throw new DomainException("Admin.NotFound", command.OfficeId);
        AdminValidation.RequireVersion(office.Version, command.Version, office.Name);
        if (office.IsActive == command.Active)
            throw new DomainException(command.Active ? "Office.AlreadyActive" : "Office.AlreadyInactive", office.Name);

        office.SetActive(command.Active);
        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow().UtcDateTime, actor.UserId, actor.Name,
            command.Active ? "Office.Activated" : "Office.Deactivated", "Office", office.Id.ToString(), details: office.Name));
        await db.SaveOrStaleAsync(office.Name, ct);
    }
}
