using FluentValidation;
using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Auditing;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Domain.Common;

namespace XiheWorkflow.Core.Admin;

/// <summary>Adds an office at the end of the list.</summary>
public class AddOffice(IDbContextFactory<XiheDbContext> contextFactory, TimeProvider clock)
{
    public record Command(string Name);

    public class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Name).NotEmpty().WithErrorCode("Office.NameRequired")
                .MaximumLength(50).WithErrorCode("Office.NameTooLong").WithState(_ => new object[] { 50 });
        }
    }

    public async Task<int> HandleAsync(Command command, Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.Admin);
        new Validator().ThrowIfInvalid(command);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var name = command.Name.Trim();
        if (await db.Offices.AnyAsync(o => o.Name == name, ct)) throw new DomainException("Office.NameTaken", name);

        // The audit entry needs the new id; one transaction keeps the row and its entry together.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var order = (await db.Offices.MaxAsync(o => (int?)o.SortOrder, ct) ?? 0) + 1;
        var office = new Office(name, order);
        db.Offices.Add(office);
        await db.SaveChangesAsync(ct);
        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow().UtcDateTime, actor.UserId, actor.Name, "Office.Added", "Office",
            office.Id.ToString(), details: name));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return office.Id;
    }
}
