using FluentValidation;
using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Requests;

namespace XiheWorkflow.Core.Requests;

public enum ApplicationStep { RequestSupplement, ReceiveSupplement, StartConsultation, EndConsultation, Extend }

/// <summary>
/// 补正, 收到补正, 征求意见 (start / end) and 延期答复: the steps that move an open application's
/// statutory clock. The domain runs the clock over the whole history first, so a refused step is never stored.
/// </summary>
public class RecordApplicationStep(IDbContextFactory<XiheDbContext> contextFactory, TimeProvider clock)
{
    public sealed class Command
    {
        public int ApplicationId { get; set; }
        public int Version { get; set; }
        public ApplicationStep Step { get; set; }
        public DateOnly? On { get; set; }
        /// <summary>补正期限 told to the applicant.</summary>
        public DateOnly? SupplementDueOn { get; set; }
        public int ExtensionDays { get; set; } = ApplicationClock.MaxExtensionDays;
        public string? ApprovedBy { get; set; }
        public DateOnly? ApplicantNotifiedOn { get; set; }
    }

    public class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.On).NotNull().WithErrorCode("Application.DateRequired");
            When(c => c.Step == ApplicationStep.RequestSupplement, () =>
                RuleFor(c => c.SupplementDueOn).NotNull().WithErrorCode("Application.SupplementDueRequired"));
            When(c => c.Step == ApplicationStep.Extend, () =>
            {
                RuleFor(c => c.ExtensionDays).InclusiveBetween(1, ApplicationClock.MaxExtensionDays).WithErrorCode("Application.ExtensionOutOfRange")
                    .WithState(c => new object[] { c.ExtensionDays, ApplicationClock.MaxExtensionDays });
                RuleFor(c => c.ApprovedBy).NotEmpty().WithErrorCode("Application.ExtensionApproverRequired")
                    .MaximumLength(100).WithErrorCode("Application.ApplicantTooLong");
                RuleFor(c => c.ApplicantNotifiedOn).NotNull().WithErrorCode("Application.NoticeDateRequired");
            });
        }
    }

    public async Task<int> HandleAsync(Command command, Actor actor, CancellationToken ct = default)
    {
        RegisterAccess.RequireWriter(actor);
        new Validator().ThrowIfInvalid(command);
        var on = command.On!.Value;
        var today = clock.Today();
        if (on > today) throw new DomainException("Application.EventAfterToday", on.ToString("yyyy-MM-dd"), today.ToString("yyyy-MM-dd"));

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var application = await RegisterAccess.LoadForChangeAsync(db, command.ApplicationId, command.Version, ct);
        string details;
        switch (command.Step)
        {
            case ApplicationStep.RequestSupplement:
                application.RequestSupplement(on, command.SupplementDueOn);
                details = $"补正告知 {on:yyyy-MM-dd}，补正期限 {command.SupplementDueOn:yyyy-MM-dd}";
                break;
            case ApplicationStep.ReceiveSupplement:
                application.ReceiveSupplement(on);
                details = $"收到补正 {on:yyyy-MM-dd}";
                break;
            case ApplicationStep.StartConsultation:
                application.StartConsultation(on);
                details = $"开始征求意见 {on:yyyy-MM-dd}";
                break;
            case ApplicationStep.EndConsultation:
                application.EndConsultation(on);
                details = $"征求意见结束 {on:yyyy-MM-dd}";
                break;
            case ApplicationStep.Extend:
                application.GrantExtension(on, command.ExtensionDays, command.ApprovedBy!, command.ApplicantNotifiedOn);
                details = $"延期 {command.ExtensionDays} 个工作日，批准人 {command.ApprovedBy!.Trim()}，{on:yyyy-MM-dd}，告知申请人 {command.ApplicantNotifiedOn:yyyy-MM-dd}";
                break;
            default:
                throw new DomainException("Application.UnknownEvent", command.Step.ToString());
        }
        db.AuditEntries.Add(RegisterAccess.Audit(clock.GetUtcNow().UtcDateTime, actor, $"Application.{command.Step}", application, details));
        await db.SaveOrStaleAsync(application.Reference, ct);
        return application.Version;
    }
}
