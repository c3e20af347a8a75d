using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Resources;
using XiheWorkflow.Domain.Common;

namespace XiheWorkflow.Core.Admin;

/// <summary>
/// The admin use cases and their forms share one validator each: the use case throws the first
/// failure as a <see cref="DomainException"/>, the form shows every failure beside its field.
/// </summary>
public static class AdminValidation
{
    public static void ThrowIfInvalid<T>(this IValidator<T> validator, T command)
    {
        var result = validator.Validate(command);
        if (result.IsValid) return;
        var f = result.Errors[0];
        throw new DomainException(f.ErrorCode, Args(f));
    }

    /// <summary>Messages by property name (first failure of each), in the current UI language.</summary>
    public static IReadOnlyDictionary<string, string> ErrorsByField<T>(this IValidator<T> validator, T command) =>
        validator.Validate(command).Errors.GroupBy(e => e.PropertyName)
            .ToDictionary(g => g.Key, g => Messages.Get(g.First().ErrorCode, Args(g.First())));

    private static object[] Args(ValidationFailure f) =>
        f.CustomState as object[] ?? [f.AttemptedValue?.ToString() ?? ""];

    /// <summary>
    /// An edit names the version it was based on; if the row moved on since, the person must see
    /// the newer data rather than overwrite it.
    /// </summary>
    public static void RequireVersion(int current, int expected, string what)
    {
        if (current != expected) throw new DomainException("Admin.StaleEdit", what);
    }

    /// <summary>Saves, turning a concurrent writer's win (detected by EF) into the same refusal.</summary>
    public static async Task SaveOrStaleAsync(this DbContext db, string what, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException("Admin.StaleEdit", what);
        }
    }
}
