using FluentValidation;
using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Requests;

namespace XiheWorkflow.Core.Requests;

/// <summary>
/// 答复: closes an application with one of table B's outcomes on the reply date. A missed
/// supplement (<see cref="ApplicationOutcome.OtherNoSupplement"/>) is only accepted when a
/// supplement was requested, never arrived and its deadline has passed.
/// </summary>
public class ReplyApplication(IDbContextFactory<XiheDbContext> contextFactory, TimeProvider clock)
{
    public sealed class Command
    {
        public int ApplicationId { get; set; }
        public int Version { get; set; }
        public ApplicationOutcome? Outcome { get; set; }
        public DateOnly? RepliedOn { get; set; }
    }

    public class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Outcome).NotNull().WithErrorCode("Application.OutcomeRequired");
            RuleFor(c => c.RepliedOn).NotNull().WithErrorCode("Application.DateRequired");
        }
    }

    public async Task<int> HandleAsync(Command command, Actor actor, CancellationToken ct = default)
    {
        RegisterAccess.RequireWriter(actor);
        new Validator().ThrowIfInvalid(command);
        var on = command.RepliedOn!.Value;
        var today = clock.Today();
        if (on > today) throw new DomainException("Application.EventAfterToday", on.ToString("yyyy-MM-dd"), today.ToString("yyyy-MM-dd"));

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var application = await RegisterAccess.LoadForChangeAsync(db, command.ApplicationId, command.Version, ct);
        var outcome = command.Outcome!.Value;
        if (outcome == ApplicationOutcome.OtherNoSupplement) application.CloseForMissedSupplement(on);
        else application.Close(outcome, on);
        db.AuditEntries.Add(RegisterAccess.Audit(clock.GetUtcNow().UtcDateTime, actor, "Application.Replied", application,
            $"{outcome.Code()} {CodeLabels.Label(outcome)}，{on:yyyy-MM-dd}"));
        await db.SaveOrStaleAsync(application.Reference, ct);
        return application.Version;
    }
}
