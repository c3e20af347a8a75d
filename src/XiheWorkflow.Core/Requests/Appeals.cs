using FluentValidation;
using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Auditing;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Requests;

namespace XiheWorkflow.Core.Requests;

public sealed record AppealRow(int Id, string Reference, AppealKind Kind, DateOnly FiledOn, AppealResult? Result, DateOnly? ClosedOn, bool IsImported, int Version);

/// <summary>The reconsideration and litigation cases of table C, newest first.</summary>
public class AppealQueries(IDbContextFactory<XiheDbContext> contextFactory)
{
    public async Task<IReadOnlyList<AppealRow>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        RegisterAccess.RequireReader(actor);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await db.Appeals.AsNoTracking().OrderByDescending(a => a.FiledOn).ThenByDescending(a => a.Id)
            .Select(a => new AppealRow(a.Id, a.Reference, a.Kind, a.FiledOn, a.Result, a.ClosedOn, a.IsImported, a.Version)).ToListAsync(ct);
    }
}

/// <summary>Records a reconsideration or lawsuit about disclosure (尚未审结 until closed).</summary>
public class AddAppeal(IDbContextFactory<XiheDbContext> contextFactory, TimeProvider clock)
{
    public sealed class Command
    {
        public string Reference { get; set; } = "";
        public AppealKind Kind { get; set; }
        public DateOnly? FiledOn { get; set; }
    }

    public class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Reference).NotEmpty().WithErrorCode("Appeal.ReferenceRequired")
                .MaximumLength(60).WithErrorCode("Application.ReferenceTooLong");
            RuleFor(c => c.FiledOn).NotNull().WithErrorCode("Application.DateRequired");
            RuleFor(c => c.Kind).IsInEnum();
        }
    }

    public async Task<int> HandleAsync(Command command, Actor actor, CancellationToken ct = default)
    {
        RegisterAccess.RequireWriter(actor);
        new Validator().ThrowIfInvalid(command);
        var today = clock.Today();
        if (command.FiledOn > today) throw new DomainException("Application.EventAfterToday", command.FiledOn.Value.ToString("yyyy-MM-dd"), today.ToString("yyyy-MM-dd"));
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var reference = command.Reference.Trim();
        if (await db.Appeals.AnyAsync(a => a.Reference == reference, ct)) throw new DomainException("Appeal.ReferenceTaken", reference);
        var appeal = new Appeal(reference, command.Kind, command.FiledOn!.Value);
        db.Appeals.Add(appeal);
        await db.SaveChangesAsync(ct);
        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow().UtcDateTime, actor.UserId, actor.Name, "Appeal.Added", "Appeal", appeal.Id.ToString(),
            details: $"{reference}: {CodeLabels.Label(appeal.Kind)} {appeal.FiledOn:yyyy-MM-dd}"));
        await db.SaveChangesAsync(ct);
        return appeal.Id;
    }
}

/// <summary>Records how a case ended (审结).</summary>
public class CloseAppeal(IDbContextFactory<XiheDbContext> contextFactory, TimeProvider clock)
{
    public sealed class Command
    {
        public int AppealId { get; set; }
        public int Version { get; set; }
        public AppealResult? Result { get; set; }
        public DateOnly? ClosedOn { get; set; }
    }

    public class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Result).NotNull().WithErrorCode("Appeal.ResultRequired");
            RuleFor(c => c.ClosedOn).NotNull().WithErrorCode("Application.DateRequired");
        }
    }

    public async Task HandleAsync(Command command, Actor actor, CancellationToken ct = default)
    {
        RegisterAccess.RequireWriter(actor);
        new Validator().ThrowIfInvalid(command);
        var today = clock.Today();
        if (command.ClosedOn > today) throw new DomainException("Application.EventAfterToday", command.ClosedOn.Value.ToString("yyyy-MM-dd"), today.ToString("yyyy-MM-dd"));
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var appeal = await db.Appeals.SingleOrDefaultAsync(a => a.Id == command.AppealId, ct) ?? throw new DomainException("Admin.NotFound", command.AppealId);
        if (appeal.Version != command.Version) throw new DomainException("Application.Stale", appeal.Reference);
        appeal.Close(command.Result!.Value, command.ClosedOn!.Value);
        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow().UtcDateTime, actor.UserId, actor.Name, "Appeal.Closed", "Appeal", appeal.Id.ToString(),
            details: $"{appeal.Reference}: {CodeLabels.Label(appeal.Result!.Value)} {appeal.ClosedOn:yyyy-MM-dd}"));
        await db.SaveOrStaleAsync(appeal.Reference, ct);
    }
}
