using FluentValidation;
using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Auditing;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Requests;

namespace XiheWorkflow.Core.Requests;

/// <summary>
/// What every change to the applications and appeals register shares: only the disclosure officer
/// writes (the office head reads), each change names the version it was based on, and each is audited.
/// </summary>
internal static class RegisterAccess
{
    public static void RequireWriter(Actor actor) => actor.Require(Roles.DisclosureOfficer);

    public static void RequireReader(Actor actor) => actor.Require(Roles.DisclosureOfficer, Roles.OfficeHead);

    public static void ThrowIfInvalid<T>(this IValidator<T> validator, T command)
    {
        var result = validator.Validate(command);
        if (result.IsValid) return;
        var f = result.Errors[0];
        throw new DomainException(f.ErrorCode, f.CustomState as object[] ?? [f.AttemptedValue?.ToString() ?? ""]);
    }

    public static async Task<DisclosureApplication> LoadForChangeAsync(XiheDbContext db, int id, int expectedVersion, CancellationToken ct)
    {
        var application = await db.Applications.SingleOrDefaultAsync(a => a.Id == id, ct)
            ?? throw new DomainException("Application.NotFound", id);
        if (application.Version != expectedVersion) throw new DomainException("Application.Stale", application.Reference);
        return application;
    }

    public static AuditEntry Audit(DateTime nowUtc, Actor actor, string action, DisclosureApplication application, string? details = null) =>
        new(nowUtc, actor.UserId, actor.Name, action, "Application", application.Id.ToString(), details: details is null
            ? application.Reference : $"{application.Reference}: {details}");

    /// <summary>Saves, turning a concurrent writer's win into the same refusal as a stale version.</summary>
    public static async Task SaveOrStaleAsync(this XiheDbContext db, string reference, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException("Application.Stale", reference);
        }
    }

    public static DateOnly Today(this TimeProvider clock) => ChinaTime.DateOf(clock.GetUtcNow().UtcDateTime);
}
