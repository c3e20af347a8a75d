using FluentValidation;
using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Requests;

namespace XiheWorkflow.Core.Requests;

/// <summary>登记申请: enters a disclosure application in the register; its statutory clock starts on the receipt date.</summary>
public class RegisterApplication(IDbContextFactory<XiheDbContext> contextFactory, TimeProvider clock)
{
    public sealed class Command
    {
        /// <summary>Left empty, the next number of the receipt year is given (XH-2025-001).</summary>
        public string? Reference { get; set; }
        public ApplicantType ApplicantType { get; set; } = ApplicantType.NaturalPerson;
        public ApplicationChannel Channel { get; set; } = ApplicationChannel.InPerson;
        public DateOnly? ReceivedOn { get; set; }
        public string? ApplicantName { get; set; }
        public string? Contact { get; set; }
        public string? Request { get; set; }
    }

    public record Result(int Id, string Reference, int Version);

    public class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Reference).MaximumLength(60).WithErrorCode("Application.ReferenceTooLong")
                .Matches("^[A-Za-z0-9\u4e00-\u9fa5〔〕()（）._/-]*$").WithErrorCode("Application.ReferenceInvalid");
            RuleFor(c => c.ReceivedOn).NotNull().WithErrorCode("Application.ReceivedOnRequired");
            RuleFor(c => c.ApplicantName).NotEmpty().WithErrorCode("Application.ApplicantRequired")
                .MaximumLength(100).WithErrorCode("Application.ApplicantTooLong");
            RuleFor(c => c.Contact).MaximumLength(200).WithErrorCode("Application.ContactTooLong");
            RuleFor(c => c.Request).NotEmpty().WithErrorCode("Application.RequestRequired")
                .MaximumLength(4000).WithErrorCode("Application.RequestTooLong");
            RuleFor(c => c.ApplicantType).IsInEnum();
            RuleFor(c => c.Channel).IsInEnum();
        }
    }

    public async Task<Result> HandleAsync(Command command, Actor actor, CancellationToken ct = default)
    {
        RegisterAccess.RequireWriter(actor);
        new Validator().ThrowIfInvalid(command);
        var received = command.ReceivedOn!.Value;
        var today = clock.Today();
        if (received > today) throw new DomainException("Application.ReceivedInFuture", received.ToString("yyyy-MM-dd"));

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var reference = string.IsNullOrWhiteSpace(command.Reference) ? await NextReferenceAsync(db, received.Year, ct) : command.Reference.Trim();
        if (await db.Applications.AnyAsync(a => a.Reference == reference, ct)) throw new DomainException("Application.ReferenceTaken", reference);

        var application = new DisclosureApplication(reference, command.ApplicantType, command.Channel, received, command.Request,
            command.Contact, command.ApplicantName);
        db.Applications.Add(application);
        await db.SaveChangesAsync(ct);
        db.AuditEntries.Add(RegisterAccess.Audit(clock.GetUtcNow().UtcDateTime, actor, "Application.Registered", application,
            $"{CodeLabels.Label(application.ApplicantType)}, {CodeLabels.Label(application.Channel)}, {received:yyyy-MM-dd}"));
        await db.SaveChangesAsync(ct);
        return new Result(application.Id, application.Reference, application.Version);
    }

    private static async Task<string> NextReferenceAsync(XiheDbContext db, int year, CancellationToken ct)
    {
        var prefix = $"XH-{year}-";
        var taken = await db.Applications.Where(a => a.Reference.StartsWith(prefix)).Select(a => a.Reference).ToListAsync(ct);
        var max = taken.Select(r => int.TryParse(r[prefix.Length..], out var n) ? n : 0).DefaultIfEmpty(0).Max();
        return $"{prefix}{max + 1:000}";
    }

    /// <summary>Art. 31: which day counts as the receipt date for each channel, shown beside the field.</summary>
    public static string ReceiptRuleCode(ApplicationChannel channel) => $"Application.ReceiptRule.{channel}";
}
