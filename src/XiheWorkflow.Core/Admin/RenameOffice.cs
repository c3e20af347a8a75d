using FluentValidation;
using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Auditing;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Domain.Common;

namespace XiheWorkflow.Core.Admin;

/// <summary>Renames an office. Users, notices and imports refer to it by id, so nothing else changes.</summary>
public class RenameOffice(IDbContextFactory<XiheDbContext> contextFactory, TimeProvider clock)
{
    public record Command(int OfficeId, string Name, int Version);

    public class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Name).NotEmpty().WithErrorCode("Office.NameRequired")
                .MaximumLength(50).WithErrorCode("Office.NameTooLong").WithState(_ => new object[] { 50 });
        }
    }

    public async Task HandleAsync(Command command, Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.Admin);
        new Validator().ThrowIfInvalid(command);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var office = await db.Offices.SingleOrDefaultAsync(o => o.Id == command.OfficeId, ct)
            ?? throw new DomainException("Admin.NotFound", command.OfficeId);
        AdminValidation.RequireVersion(office.Version, command.Version, office.Name);
        var name = command.Name.Trim();
        if (await db.Offices.AnyAsync(o => o.Name == name && o.Id != office.Id, ct)) throw new DomainException("Office.NameTaken", name);

        var old = office.Name;
        office.Rename(name);
        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow().UtcDateTime, actor.UserId, actor.Name, "Office.Renamed", "Office",
            office.Id.ToString(), details: $"{old} → {office.Name}"));
        await db.SaveOrStaleAsync(old, ct);
    }
}
